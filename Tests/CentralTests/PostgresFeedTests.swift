import Central
import Foundation
import HealthCode
import LocalStore
import Testing
import TestSupport

/// The PostgreSQL feed's windows of transaction ids: paged in their order, and after a restore from
/// another cluster's backup, whose rows carry transaction ids this server has not reached.
@Suite("PostgreSQL feed windows")
struct PostgresFeedTests {
    /// A new store holding `count` green people `PREFIX0000000`…, whose feed transaction ids `txids`
    /// then sets by hand (the stamping trigger off), with an administrator's connection to it.
    func seeded(_ prefix: String, count: Int, txids: String) throws
        -> (store: PostgresCentral, admin: PostgresConnection, rows: [CodeRow]) {
        let url = try PostgresServer.shared().makeDatabase()
        _ = try PostgresCentral.migrate(url: url)
        let store = try PostgresCentral(url: url)
        let rows = (0..<count).map { index in
            CodeRow(document: prefix + String(format: "%07d", index), nameMasked: "周*", phone: nil, colour: .green,
                    reason: "", updatedAt: Date(timeIntervalSince1970: 1_764_000_000))
        }
        _ = try store.importCodes(rows)
        let admin = try PostgresConnection(url: url)
        try admin.execute("""
            ALTER TABLE people DISABLE TRIGGER people_stamp_update;
            \(txids)
            ALTER TABLE people ENABLE TRIGGER people_stamp_update;
            """)
        return (store, admin, rows)
    }

    @Test("a full sync still brings every person, and a renewed identity sends consoles back to a full sync")
    func restoredRows() throws {
        let (store, _, _) = try seeded("PP:R", count: 20, txids: """
            UPDATE people SET txid = '4000000000'::xid8 WHERE document < 'PP:R0000010';
            """)
        var cursor = FeedCursor.start
        var seen = Set<String>()
        // Another test's open transaction on the shared server may hold rows back for a moment.
        _ = try Poll.until(10, every: 0.02) {
            let page = try store.changes(after: cursor, limit: 7)
            seen.formUnion(page.changes.map(\.record.document))
            cursor = page.next
            return page.atEnd && seen.count >= 20
        }
        #expect(seen.count == 20)
        try store.renewFeedIdentity()
        #expect(throws: FeedError.self) { _ = try store.changes(after: cursor, limit: 7) }
    }

    @Test("a window of the feed pages in the order of transaction ids, not of their text: 9 before 10")
    func pagesInTransactionOrder() throws {
        let (store, admin, rows) = try seeded("PP:T", count: 6, txids: """
            UPDATE people SET txid = '9'::xid8 WHERE document < 'PP:T0000003';
            UPDATE people SET txid = '10'::xid8 WHERE document >= 'PP:T0000003';
            """)
        let identity = try admin.query("SELECT store::text FROM feed_identity WHERE id = 1").string(0, 0)
        var cursor = FeedCursor("pg1|live|\(identity)|5|20||")
        var seen: [String] = []
        for _ in 0..<10 {
            let page = try store.changes(after: cursor, limit: 2)
            seen += page.changes.map(\.record.document)
            cursor = page.next
            if page.atEnd { break }
        }
        #expect(Set(seen) == Set(rows.map(\.document)), "every change of the window arrives")
        #expect(seen == rows.map(\.document), "in transaction order, each once")
    }
}
