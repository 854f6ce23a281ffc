import Dashboard
import FuturesModel
import Testing

/// One slider row and its sparkline.
@Suite("Slider row")
struct SliderRowTests {
    @Test("the slider row shows name, knob and value")
    func sliderRow() {
        var screen = Screen(width: 41, height: 1)
        let row = SliderRow(id: .lever(.exportControls), value: 1, selected: true, response: [1, 2])
        row.render(in: screen.area, into: &screen)
        #expect(screen.text.hasPrefix("▸Export controls ━━━━━━●     100 % "))
    }

    @Test("a sparkline rises with its samples and marks the caret")
    func sparkline() {
        var screen = Screen(width: 4, height: 1)
        Sparkline(samples: [0, 1, 2, 3], caret: 1).render(in: screen.area, into: &screen)
        #expect(screen.text == "▁▃▆█")
        #expect(screen[3, 0].role == .accent && screen[3, 0].flags.contains(.bold))
        #expect(screen[0, 0].role == .policy && !screen[0, 0].flags.contains(.bold))
        // Not reversed, which would read as a selection; without colours it is.
        #expect(!screen[3, 0].flags.contains(.reverse))
        screen.mono = true
        Sparkline(samples: [0, 1, 2, 3], caret: 1).render(in: screen.area, into: &screen)
        #expect(screen[3, 0].flags.contains(.reverse))
        // A flat row stands at its height on the shared scale, muted.
        Sparkline(samples: [2, 2, 2, 2], caret: 0, scale: 0...3).render(in: screen.area, into: &screen)
        #expect(screen.text == "▆▆▆▆" && screen[1, 0].role == .muted, "\(screen.text)")
    }
}
