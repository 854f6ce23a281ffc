/* A marker: CPUFeatures.AVX512 imports only when the target CPU has AVX-512F. */
