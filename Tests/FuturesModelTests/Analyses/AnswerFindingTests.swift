import Foundation
import FuturesModel
import TestSupport
import Testing

/// The answer's finding sentence (`Answer.finding`) against the numbers a table shows: it
/// names the levers whose shares read largest, counts the views truly, and says "no lever"
/// only where every share reads 0.0.
@Suite("Answer finding")
struct AnswerFindingTests {
    /// The levers whose share reads largest (one decimal of a point) in `column`; empty when
    /// all read 0.0. Worked out here from the shown strings, not with `leadingLevers`.
    static func largest(_ column: AnswerColumn, _ verdict: Summary.Verdict) -> Set<LeverID> {
        let sizes = LeverID.allCases.map { lever in
            Double(
                Format.points(column[lever][verdict]).replacingOccurrences(of: "−", with: "")
                    .replacingOccurrences(of: "+", with: ""))!
        }
        let top = sizes.max()!
        guard top > 0 else { return [] }
        return Set(LeverID.allCases.filter { sizes[$0.rawValue] == top })
    }

    /// The levers a list of names in a sentence means ("export controls and offshore compute").
    static func levers(_ text: String) -> Set<LeverID> {
        var found: Set<LeverID> = []
        var rest = text.lowercased()
        for lever in LeverID.allCases.sorted(by: { $0.spec.name.count > $1.spec.name.count }) {
            let name = lever.spec.name.lowercased()
            if rest.contains(name) {
                found.insert(lever)
                rest = rest.replacingOccurrences(of: name, with: "")
            }
        }
        #expect(
            rest.replacingOccurrences(of: " and ", with: "").replacingOccurrences(of: ",", with: "")
                .trimmingCharacters(in: .whitespaces).isEmpty, "unknown names in \(text)")
        return found
    }

    /// Checks `answer.finding(for: verdict)` clause by clause against the numbers.
    static func check(_ answer: Answer, _ verdict: Summary.Verdict) {
        let sentence = answer.finding(for: verdict)
        let n = answer.columns.count
        let largest = answer.columns.map { Self.largest($0, verdict) }
        #expect(sentence.hasSuffix("."), "\(sentence)")
        let clauses = String(sentence.dropLast()).components(separatedBy: "; ")
        if clauses[0].hasPrefix("From Future 2's levers to yours no lever moves")
            || clauses[0].hasPrefix("Your levers are Future 2's")
        {
            #expect(largest.allSatisfy { $0.isEmpty }, "\(sentence)")
            return
        }
        // "X (and Y) moves|raises|lowers|each … <future> most under k of n views"
        let head = clauses[0]
        let marker = " \(verdict.name) most under "
        guard let split = head.range(of: marker) else {
            Issue.record("no main clause in \(sentence)")
            return
        }
        var subject = String(head[..<split.lowerBound])
        let verb = subject.split(separator: " ").last.map(String.init) ?? ""
        subject = String(subject.dropLast(verb.count + 1))
        if subject.hasSuffix(" each") { subject = String(subject.dropLast(5)) }
        let top = Self.levers(subject)
        if top.count == 1 {
            // The verb agrees with its subject: "export controls raise", "anti-smuggling raises".
            #expect(verb.hasSuffix("s") == (top.first != .exportControls), "\(sentence)")
        }
        var scope = String(head[split.upperBound...])
        // "(offshore compute as much under 6 of them, anti-smuggling under 4)"
        var ties: [(LeverID, Int)] = []
        if let open = scope.range(of: " (") {
            let inside = String(scope[open.upperBound...].dropLast())
            scope = String(scope[..<open.lowerBound])
            for part in inside.components(separatedBy: ", ") {
                let pieces = part.replacingOccurrences(of: " as much", with: "").replacingOccurrences(
                    of: " of them", with: ""
                )
                .components(separatedBy: " under ")
                #expect(pieces.count == 2, "\(part)")
                let tied = Self.levers(pieces[0])
                #expect(tied.count == 1, "\(part)")
                if let lever = tied.first, let k = Int(pieces.last ?? "") { ties.append((lever, k)) }
            }
        }
        let count = scope == "all \(n) views" ? n : Int(scope.split(separator: " ").first ?? "") ?? -1
        #expect(scope == "all \(n) views" || scope == "\(count) of \(n) views", "\(sentence)")
        for lever in top {
            #expect(largest.filter { $0.contains(lever) }.count == count, "\(lever) in \(sentence)")
        }
        for (lever, k) in ties {
            let views = largest.filter { $0.contains(lever) && !$0.isDisjoint(with: top) }.count
            #expect(views == k && 2 * k >= count, "\(lever) in \(sentence)")
        }
        let most = LeverID.allCases.map { l in largest.filter { $0.contains(l) }.count }.max()!
        #expect(count == most, "no lever leads in more views than \(sentence) says")
        // The verb's direction is true in every view where a named lever leads.
        for (i, column) in answer.columns.enumerated() {
            for lever in top where largest[i].contains(lever) {
                let share = column[lever][verdict]
                if verb.hasPrefix("raise") { #expect(share > 0, "\(sentence)") }
                if verb.hasPrefix("lower") { #expect(share < 0, "\(sentence)") }
            }
        }
        // Every other view exactly once, with what leads there.
        var named: [String] = []
        for clause in clauses.dropFirst() {
            #expect(clause.hasPrefix("under "), "\(clause)")
            let body = String(clause.dropFirst(6))
            let (views, what) =
                if let r = body.range(of: " no lever moves it") {
                    (String(body[..<r.lowerBound]), String(body[r.lowerBound...]))
                } else if let r = body.range(of: " it is ") {
                    (String(body[..<r.lowerBound]), String(body[r.upperBound...]))
                } else { (body, "") }
            let names = views.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ")
            for name in names {
                named.append(name)
                guard let i = answer.columns.firstIndex(where: { Answer.shortName($0.id) == name }) else {
                    Issue.record("unknown view \(name) in \(sentence)")
                    continue
                }
                #expect(largest[i].isDisjoint(with: top), "\(name) is covered by the main clause: \(sentence)")
                if what.hasPrefix(" no lever moves it") {
                    #expect(largest[i].isEmpty, "\(name): \(sentence)")
                } else {
                    #expect(largest[i] == Self.levers(what), "\(name): \(sentence)")
                }
            }
        }
        let uncovered = answer.columns.indices.filter { largest[$0].isDisjoint(with: top) }
        #expect(Set(uncovered.map { Answer.shortName(answer.columns[$0].id) }) == Set(named), "\(sentence)")
        #expect(named.count == Set(named).count, "a view named twice: \(sentence)")
    }

    @Test("the sentence agrees with the table for the presets, a delayed start and random scenarios")
    func agrees() throws {
        var scenarios = Preset.allCases.map { Scenario(levers: $0.levers) }
        var delayed = Scenario(levers: Preset.future1.levers)
        delayed.policyStart = 9
        scenarios.append(delayed)
        var rng = SeededGenerator(seed: 240)
        for _ in 0..<4 {
            var s = Scenario()
            for lever in LeverID.allCases { s.levers[lever] = Double(rng.below(21)) * 0.05 }
            s.horizon = 24
            scenarios.append(s)
        }
        for s in scenarios {
            let answer = try #require(
                Answer.compute(s, settings: EnsembleSettings(members: 120, seed: 3, uncertainty: 0.5), threads: 1))
            for verdict in Summary.Verdict.allCases {
                Self.check(answer, verdict)
                // The delay's sentence: the first view's change, and the range over all, as the row reads.
                let changes = answer.columns.map { Format.points($0.delayed[verdict] - $0.summary[verdict]) }
                let values = changes.map { Double($0.replacingOccurrences(of: "−", with: "-"))! }
                if let delay = answer.delayFinding(for: verdict) {
                    #expect(delay.contains("by \(changes[0]) points"), "\(delay)")
                    let low = changes[values.firstIndex(of: values.min()!)!]
                    let high = changes[values.firstIndex(of: values.max()!)!]
                    #expect(delay.contains(low == high ? "under every view" : "from \(low) to \(high)"), "\(delay)")
                } else {
                    #expect(s.levers == Preset.statusQuo.levers || s.policyStart == Answer.latestDelay)
                }
            }
        }
    }

    @Test("a scenario with Future 2's own levers: no lever moves anything, and the sentence says so")
    func nothingMoves() throws {
        let answer = try #require(
            Answer.compute(Scenario(levers: Preset.future2.levers), settings: EnsembleSettings(members: 60), threads: 1)
        )
        #expect(
            answer.finding(for: .future1)
                == "Your levers are Future 2's, where the split starts: no lever has anything to add.")
        #expect(answer.columns.allSatisfy { $0.leadingLevers(for: .future2).isEmpty })
    }

    @Test("from the status quo's levers no lever moves Future 1: the sentence names the baseline and 0 % with either")
    func statusQuoNothingMoves() throws {
        let answer = try #require(
            Answer.compute(
                Scenario(levers: Preset.statusQuo.levers), settings: EnsembleSettings(members: 400), threads: 1))
        // Future 1 is out of reach from the status quo's levers in every view (0 % with them and with Future 2's).
        #expect(answer.columns.allSatisfy { $0.summary.pFuture1 < 0.005 && $0.base.pFuture1 < 0.005 })
        #expect(
            answer.finding(for: .future1)
                == "From Future 2's levers to yours no lever moves Future 1 under any of the 8 views: "
                + "P(Future 1) is 0 % with either in every view.")
        Self.check(answer, .future1)
    }
}
