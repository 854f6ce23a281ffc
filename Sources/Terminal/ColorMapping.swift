#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A 24-bit colour.
public struct RGB: Equatable, Hashable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// Parses "#rrggbb".
    public init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let v = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        self.init(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }
}

/// Maps colours to a terminal palette by perceptual distance (CIE76 ΔE in L*a*b*).
public enum ColorMapping {
    /// The xterm palette: 16 system colours, the 6×6×6 cube and 24 greys.
    public static let xterm256: [RGB] = {
        let system: [RGB] = [
            RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0), RGB(0, 0, 238), RGB(205, 0, 205),
            RGB(0, 205, 205), RGB(229, 229, 229), RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0),
            RGB(255, 255, 0), RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
        ]
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        var cube = [RGB]()
        for r in steps { for g in steps { for b in steps { cube.append(RGB(r, g, b)) } } }
        let greys = (0..<24).map { i -> RGB in
            let v = UInt8(8 + 10 * i)
            return RGB(v, v, v)
        }
        return system + cube + greys
    }()

    /// The xterm palette in L*a*b*, converted once: `nearest` runs for every colour change
    /// of a 256-colour recording.
    private static let xterm256Lab = xterm256.map(lab)

    /// The index of the nearest colour among the first `count` xterm colours (256, 16 or 8).
    public static func nearest(_ color: RGB, among count: Int) -> Int {
        let target = lab(color)
        var best = 0
        var bestDistance = Double.infinity
        for i in 0..<min(count, xterm256.count) {
            let c = xterm256Lab[i]
            let d =
                (c.0 - target.0) * (c.0 - target.0) + (c.1 - target.1) * (c.1 - target.1)
                + (c.2 - target.2) * (c.2 - target.2)
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return best
    }

    /// sRGB (D65) to CIE L*a*b*.
    static func lab(_ c: RGB) -> (Double, Double, Double) {
        func linear(_ v: UInt8) -> Double {
            let x = Double(v) / 255
            return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
        }
        let r = linear(c.r), g = linear(c.g), b = linear(c.b)
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
}
