import Foundation
import TestSupport
import Testing

/// scripts/numpy_ensemble.py, the NumPy reference that `bench` times: it must run the same
/// ensemble as `twofutures run`, or the ratio would compare different work.
@Suite("NumPy reference")
struct NumPyReferenceTests {
    static let script = CLI.path("scripts/numpy_ensemble.py")

    /// The python3 that bench uses (`make deps`' virtual environment's, else the one on
    /// PATH), when it has NumPy.
    static let numpyPython = try? ExternalTool.python(with: "numpy")

    @Test(
        "the NumPy reference gives the same median lead and probabilities as twofutures run",
        .enabled(if: numpyPython != nil, "python3 with NumPy is missing (make deps installs it)"))
    func sameEnsemble() throws {
        let python = try #require(Self.numpyPython)
        let members = 1500
        let numpy = try CLI.run(python, [Self.script, String(members), "1"])
        #expect(numpy.status == 0, "\(numpy.stderr)")
        let reference = try CLI.json(numpy.stdout)
        let run = try CLI.run(["run", "--members", String(members), "--format", "json"])
        #expect(run.status == 0)
        let doc = try CLI.json(run.stdout)
        let ensemble = try #require(doc["ensemble"] as? [String: Any])
        let p50 = try #require((ensemble["p50"] as? [String: Any])?["lead_months"] as? [Double])
        let want = try #require(reference["p50_lead"] as? Double)
        // MODEL.md §4 "Precision": the ensemble may run in Float32, within 1e-3 months.
        #expect(abs(try #require(p50.last) - want) <= 1e-3, "NumPy \(want), twofutures \(p50.last ?? .nan)")
        let probability = try #require(ensemble["probability"] as? [String: Double])
        let wantP = try #require(reference["probability"] as? [Double])
        let got: [Double?] = [probability["future1"], probability["contested"], probability["future2"]]
        #expect(got == wantP.map { Optional($0) })
    }

    @Test("bench reports numpy_ms and numpy_ratio, numbers with NumPy and null without")
    func benchKeys() throws {
        let result = try CLI.run(["bench", "--members", "300"])
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try CLI.json(result.stdout)
        for key in ["numpy_ms", "numpy_ratio"] {
            let value = try #require(doc[key], "missing \(key)")
            if Self.numpyPython != nil {
                #expect((value as? Double ?? 0) > 0, "\(key)")
            } else {
                #expect(value is NSNull, "\(key)")
                #expect(result.stderr.contains("numpy_ms:"))
            }
        }
    }
}
