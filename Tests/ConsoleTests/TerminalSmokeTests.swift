import Foundation
import Glibc
import Testing
@testable import Console

/// The real ncurses terminal, headless: a screen on /dev/null, keys from a pipe, text read back from the window.
@Suite(.serialized) struct TerminalSmokeTests {
    /// Opens a terminal writing to /dev/null and reading the given descriptor, in a UTF-8 locale.
    func openTerminal(input: Int32) throws -> Terminal {
        setlocale(LC_ALL, "C.UTF-8")
        let output = open("/dev/null", O_WRONLY)
        defer { close(output) }
        return try Terminal(type: "xterm-256color", output: output, input: input, colours: true)
    }

    @Test func drawsTheGridWithWideCharactersAndReadsItBack() throws {
        let input = open("/dev/null", O_RDONLY)
        defer { close(input) }
        let terminal = try openTerminal(input: input)
        defer { terminal.close() }
        terminal.resize(to: Size(rows: 30, cols: 100))
        #expect(terminal.size == Size(rows: 30, cols: 100))

        let h = try Harness(size: terminal.size, people: [Fixtures.person(Fixtures.li, name: "李*", colour: .yellow)])
        h.submit(Fixtures.li)
        let grid = h.grid
        terminal.draw(grid)
        let drawn = (0..<30).map(terminal.text(row:))
        #expect(drawn == grid.lines)
        #expect(drawn.contains { $0.contains("!  黄码  !") })
        #expect(drawn.contains { $0.contains("黄码人员不予放行") })
    }

    @Test func keysComeThroughAsKeys() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = Array("4绿\r\t\u{7F}\u{1B}OP\u{1B}[21~\u{11}".utf8)
        #expect(write(ends[1], bytes, bytes.count) == bytes.count)
        close(ends[1])
        let terminal = try openTerminal(input: ends[0])
        defer { terminal.close() }
        var keys: [Terminal.Input] = []
        for _ in 0..<8 { keys.append(terminal.read()) }
        #expect(keys == [.key(.character("4")), .key(.character("绿")), .key(.submit), .key(.submit),
                         .key(.backspace), .key(.function(1)), .key(.function(10)), .key(.quit)])
    }

    @Test func aNonUTF8LocaleIsRefused() throws {
        setenv("LC_ALL", "C", 1)
        defer { unsetenv("LC_ALL") }
        #expect(throws: ConsoleError.locale("ANSI_X3.4-1968")) { try Terminal.requireUTF8Locale() }
        setenv("LC_ALL", "C.UTF-8", 1)
        #expect(throws: Never.self) { try Terminal.requireUTF8Locale() }
    }
}
