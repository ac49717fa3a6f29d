import Foundation
import HealthCode
import Testing
import TestSupport
@testable import LocalStore

/// Changes after a first sync: appended to the recent table, read with the people table, folded into it.
@Suite("Recent changes and their fold")
struct RecentChangesTests {
    let folder = TemporaryDirectory()
    let noon = Date(timeIntervalSince1970: 1_764_216_000)
    let zhang = "11010519491231002X"
    let li = "110105195001010015"
    let wang = "110105195001010023"

    func openCache() throws -> LocalCache { try LocalCache(path: folder.file("cache.sqlite")) }

    func change(_ seq: Int64, _ document: String, _ colour: CodeColour, phone: String? = nil) -> FeedChange {
        FeedChange(seq: seq, record: PersonRecord(
            document: document, nameMasked: "张*", phone: phone, colour: colour,
            colourChangedAt: noon.addingTimeInterval(Double(seq))))
    }

    /// A cache after a first sync of `changes`, as `SyncEngine` makes one.
    func synced(_ changes: [FeedChange]) throws -> LocalCache {
        let cache = try openCache()
        try cache.deferPhoneIndex()
        try cache.apply(changes, cursor: FeedCursor("1"))
        try cache.buildPhoneIndex()
        return cache
    }

    /// The colour in the people table itself, leaving the recent table aside.
    func folded(_ cache: LocalCache, _ document: String) throws -> String? {
        try cache.database.queryFirst("SELECT colour FROM people WHERE document = ?", [.text(document)]) { $0.string(0) }
    }

    @Test("a first sync fills the people table; a later change waits in the recent table, and a lookup sees it at once")
    func laterChangeWaits() throws {
        let cache = try synced([change(1, zhang, .green), change(2, li, .green)])
        #expect(try cache.recentChangeCount() == 0)
        try cache.apply([change(3, zhang, .yellow)], cursor: FeedCursor("3"))
        #expect(try cache.recentChangeCount() == 1)
        #expect(try folded(cache, zhang) == "green")
        #expect(try cache.person(document: zhang)?.colour == .yellow)
        #expect(try cache.person(document: li)?.colour == .green)
        #expect(try cache.peopleCount() == 2, "a person in both tables counts once")
    }

    @Test("a page goes in document order, a person's later change after the earlier, and the later one wins")
    func documentOrder() throws {
        let page = [change(4, wang, .green), change(5, zhang, .yellow), change(6, li, .green), change(7, zhang, .red)]
        #expect(page.inDocumentOrder().map(\.seq) == [5, 7, 6, 4])
        let ordered = page.inDocumentOrder()
        #expect(ordered.inDocumentOrder() == ordered)
        let cache = try synced([change(1, zhang, .green)])
        try cache.apply(page, cursor: FeedCursor("7"))
        #expect(try cache.person(document: zhang)?.colour == .red)
        try cache.foldRecentChanges()
        #expect(try folded(cache, zhang) == "red")
    }

    @Test("a fold moves the recent changes into the people table; lookups see the same before and after")
    func foldMoves() throws {
        let cache = try synced([change(1, zhang, .green), change(2, li, .green)])
        try cache.apply([change(3, zhang, .yellow), change(4, wang, .red)], cursor: FeedCursor("4"))
        try cache.apply([change(5, zhang, .red)], cursor: FeedCursor("5"))
        #expect(try cache.recentChangeCount() == 2, "a second change of a person replaces the first in the recent table")
        #expect(try cache.foldRecentChanges() == 2)
        #expect(try cache.recentChangeCount() == 0)
        #expect(try folded(cache, zhang) == "red")
        #expect(try folded(cache, wang) == "red")
        #expect(try cache.person(document: zhang)?.colour == .red)
        #expect(try cache.person(document: li)?.colour == .green)
        #expect(try cache.peopleCount() == 3)
        #expect(try cache.foldRecentChanges() == 0)
    }

    @Test("a fold takes at most its limit, in document order, and leaves the rest for the next")
    func foldLimit() throws {
        let cache = try synced([change(1, zhang, .green)])
        try cache.apply([change(2, wang, .yellow), change(3, zhang, .yellow), change(4, li, .yellow)], cursor: FeedCursor("4"))
        #expect(try cache.foldRecentChanges(limit: 2, slice: 1) == 2)
        #expect(try folded(cache, zhang) == "yellow")
        #expect(try folded(cache, li) == "yellow")
        #expect(try folded(cache, wang) == nil, "the last in document order waits")
        #expect(try cache.person(document: wang)?.colour == .yellow)
        #expect(try cache.foldRecentChanges(limit: 5) == 1)
        #expect(try folded(cache, wang) == "yellow")
    }

    @Test("a phone that moved to another person in a recent change is found under the new one only, before and after the fold")
    func phoneMoves() throws {
        let phone = "13800138000"
        let cache = try synced([change(1, zhang, .green, phone: phone), change(2, li, .green)])
        try cache.apply([change(3, zhang, .green), change(4, li, .yellow, phone: phone)], cursor: FeedCursor("4"))
        #expect(try cache.people(phone: phone)?.map(\.document) == [li])
        try cache.foldRecentChanges()
        #expect(try cache.people(phone: phone)?.map(\.document) == [li])
        #expect(try cache.people(phone: phone)?.first?.colour == .yellow)
    }

    @Test("a first sync cut short and resumed in a new session still fills the people table")
    func resumedFirstSync() throws {
        let cache = try openCache()
        try cache.deferPhoneIndex()
        try cache.apply([change(1, li, .green)], cursor: FeedCursor("s:1:\(li)"))
        let resumed = try openCache()
        try resumed.apply([change(2, wang, .green)], cursor: FeedCursor("s:1:\(wang)"))
        #expect(try resumed.recentChangeCount() == 0)
        #expect(try folded(resumed, wang) == "green")
    }

    @Test("a feed started over forgets the recent changes with the people")
    func restartForgets() throws {
        let cache = try synced([change(1, zhang, .green)])
        try cache.apply([change(2, li, .yellow)], cursor: FeedCursor("2"))
        try cache.restartFeed()
        #expect(try cache.recentChangeCount() == 0)
        #expect(try cache.person(document: li) == nil)
        #expect(try cache.peopleCount() == 0)
    }

    func plan(_ cache: LocalCache, _ condition: String, _ value: String) throws -> [String] {
        try cache.database.query(
            "EXPLAIN QUERY PLAN SELECT \(PersonColumns.list) FROM people_current WHERE \(condition)", [.text(value)]
        ) { $0.string(3) }
    }

    @Test("a lookup by document reads both tables through their keys, never a whole table")
    func documentLookupUsesKeys() throws {
        let cache = try synced([change(1, zhang, .green)])
        let steps = try plan(cache, "document = ?", zhang)
        #expect(steps.contains { $0.hasPrefix("SEARCH people_recent USING INDEX") }, "\(steps)")
        #expect(steps.contains { $0.hasPrefix("SEARCH p USING PRIMARY KEY") }, "\(steps)")
        #expect(!steps.contains { $0.hasPrefix("SCAN") }, "\(steps)")
    }

    @Test("a lookup by phone reads the people table through its phone index, and only the small recent table whole")
    func phoneLookupUsesIndex() throws {
        let cache = try synced([change(1, zhang, .green, phone: "13800138000")])
        let steps = try plan(cache, "phone = ? ORDER BY document LIMIT 50", "13800138000")
        #expect(steps.contains { $0.hasPrefix("SEARCH p USING INDEX people_phone") }, "\(steps)")
        let scans = steps.filter { $0.hasPrefix("SCAN") }
        #expect(scans.count == 1 && scans.allSatisfy { $0.hasPrefix("SCAN people_recent") }, "\(steps)")
    }
}
