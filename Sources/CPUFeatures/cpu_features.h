/* Target CPU features for #if canImport(CPUFeatures.…); see module.modulemap. */
