import Foundation
import HealthCode
import LocalStore

/// The central store in PostgreSQL, shared by every console of a deployment.
public final class PostgresCentral: CentralStore {
    let connection: PostgresConnection
    private let clock: @Sendable () -> Date

    /// Connects to `url` (any libpq URL; `PG*` variables and `sslmode` apply) and refuses a schema
    /// version this build does not know.
    public init(url: String, clock: @escaping @Sendable () -> Date = Date.init) throws {
        do {
            connection = try PostgresConnection(url: url)
            try PostgresSchema.check(connection)
        } catch let error as PostgresError {
            throw CentralError("central store \(PostgresURL.redacted(url)): \(error)")
        }
        self.clock = clock
    }

    /// Gives the store a new identity, so that every console syncs again in full: for after a restore
    /// from a backup, when consoles may hold changes the restored store no longer has.
    public func renewFeedIdentity() throws {
        try connection.query("UPDATE feed_identity SET store = gen_random_uuid() WHERE id = 1")
    }

    /// Brings the schema at `url` up to this build's version; returns the versions applied.
    public static func migrate(url: String) throws -> [Int] {
        do {
            return try PostgresSchema.migrate(try PostgresConnection(url: url))
        } catch let error as PostgresError {
            throw CentralError("central store \(PostgresURL.redacted(url)): \(error)")
        }
    }

    public func changes(after cursor: FeedCursor, limit: Int) throws -> FeedPage {
        let store = try connection.query("SELECT store::text FROM feed_identity WHERE id = 1").string(0, 0)
        let position: PostgresFeedCursor
        if cursor == .start {
            position = .full(store: store, horizon: try horizon(), afterDocument: "")
        } else if let parsed = PostgresFeedCursor(cursor), parsed.store == store {
            position = parsed
        } else {
            throw FeedError.cursorNotServed("the cursor belongs to another store")
        }
        switch position {
        case .full(_, let horizon, let after):
            let rows = try people("""
                SELECT \(PostgresPeople.list) FROM people
                WHERE (txid < $1::xid8 OR txid >= pg_snapshot_xmax(pg_current_snapshot())) AND document > $2
                ORDER BY document LIMIT $3
                """, [.text(horizon), .text(after), .integer(Int64(limit))])
            guard rows.count == limit, let last = rows.last else {
                return FeedPage(changes: rows.map(\.person.change),
                                next: PostgresFeedCursor.live(store: store, low: horizon, high: nil, after: nil).cursor, atEnd: false)
            }
            return FeedPage(changes: rows.map(\.person.change),
                            next: PostgresFeedCursor.full(store: store, horizon: horizon, afterDocument: last.person.change.record.document).cursor,
                            atEnd: false)
        case .live(_, let low, let openHigh, let after):
            try refuseRestoredStore(low)
            let high = try openHigh ?? horizon()
            // The select list names `txid::text` txid: ORDER BY must name the column, or it sorts by the text
            // and reads every change of the window for each page instead of walking the index. A window's
            // first page starts the row comparison at `low`, not at zero: the index scan starts where the
            // row comparison says, and from zero it walked every entry of the index before the window.
            let rows = try people("""
                SELECT \(PostgresPeople.list) FROM people
                WHERE txid >= $1::xid8 AND txid < $2::xid8 AND (txid, document) > ($3::xid8, $4)
                ORDER BY people.txid, people.document LIMIT $5
                """, [.text(low), .text(high), .text(after?.txid ?? low), .text(after?.document ?? ""), .integer(Int64(limit))])
            guard rows.count == limit, let last = rows.last else {
                return FeedPage(changes: rows.map(\.person.change),
                                next: PostgresFeedCursor.live(store: store, low: high, high: nil, after: nil).cursor, atEnd: true)
            }
            let next = PostgresFeedCursor.live(store: store, low: low, high: high,
                                               after: (last.txid, last.person.change.record.document))
            return FeedPage(changes: rows.map(\.person.change), next: next.cursor, atEnd: false)
        }
    }

    /// The oldest transaction still running: everything before it has finished.
    private func horizon() throws -> String {
        try connection.query("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").string(0, 0)
    }

    /// A store restored from a backup counts transactions from an earlier point than the cursor.
    private func refuseRestoredStore(_ low: String) throws {
        let ahead = try connection.query("SELECT $1::xid8 > pg_snapshot_xmax(pg_current_snapshot())", [.text(low)])
        if try ahead.bool(0, 0) { throw FeedError.cursorNotServed("the store counts transactions from before the cursor") }
    }

    private func people(_ sql: String, _ parameters: [PostgresValue]) throws -> [(person: StoredPerson, txid: String)] {
        let result = try connection.query(sql, parameters)
        return try (0..<result.rowCount).map { try PostgresPeople.person(result, $0) }
    }

    public func peopleCount() throws -> Int {
        try connection.query("SELECT count(*) FROM people").int(0, 0)
    }

    public func person(document: String) throws -> PersonRecord? {
        try people("SELECT \(PostgresPeople.list) FROM people WHERE document = $1", [.text(document)]).first?.person.change.record
    }

    public func people(phone: String) throws -> [PersonRecord] {
        try people("SELECT \(PostgresPeople.list) FROM people WHERE phone = $1 ORDER BY document", [.text(phone)])
            .map(\.person.change.record)
    }

    /// Inserts each event once; the store's trigger applies registrations and voids, and stamps the
    /// receipt with the server's clock. An event the store refuses for good (another checkpoint's, or
    /// data it cannot take) is answered with its rejection and does not hold back the others.
    /// The batch goes in as one statement; when the store refuses it, one event spoils it, and the
    /// events go in one by one to find which.
    public func submit(_ events: [GateEvent]) throws -> [EventReceipt] {
        guard !events.isEmpty else { return [] }
        do {
            return try connection.transaction { try insertAll(events) }
        } catch let error as PostgresError where error.isPermanent {
            return try submitOneByOne(events)
        }
    }

    private func insertAll(_ events: [GateEvent]) throws -> [EventReceipt] {
        let ids = PostgresValue.array(events.map { $0.id.uuidString })
        let inserted = try connection.query("""
            INSERT INTO events (id, kind, checkpoint, document, at, payload, voids)
            SELECT id, kind, checkpoint, document, at, payload, voids
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::uuid[])
                WITH ORDINALITY AS batch (id, kind, checkpoint, document, at, payload, voids, position)
            ORDER BY position
            ON CONFLICT (id) DO NOTHING RETURNING id::text, received_at
            """, [
                ids, .array(events.map(\.kind.rawValue)), .array(events.map(\.checkpointID)), .array(events.map(\.document)),
                .array(events.map { String(SQLValue.milliseconds($0.at)) }), .array(events.map(EventCoding.encode)),
                .array(events.map { $0.voids?.uuidString }),
            ])
        var received: [String: Int64] = [:]
        for row in 0..<inserted.rowCount { received[try inserted.string(row, 0)] = try inserted.int64(row, 1) }
        if received.count < Set(events.map(\.id)).count {
            let earlier = try connection.query(
                "SELECT id::text, received_at FROM events WHERE id = ANY($1::uuid[])", [ids])
            for row in 0..<earlier.rowCount { received[try earlier.string(row, 0)] = try earlier.int64(row, 1) }
        }
        return events.map { event in
            guard let at = received[event.id.uuidString.lowercased()] else {
                return EventReceipt(eventID: event.id, rejection: "event \(event.id) was refused: it belongs to another checkpoint")
            }
            return EventReceipt(eventID: event.id, receivedAt: Date(timeIntervalSince1970: Double(at) / 1000))
        }
    }

    private func submitOneByOne(_ events: [GateEvent]) throws -> [EventReceipt] {
        try connection.transaction {
            try events.map { event in
                do {
                    return try connection.transaction { try insert(event) }
                } catch let error as PostgresError where error.isPermanent {
                    return EventReceipt(eventID: event.id, rejection: error.description)
                } catch let error as CentralError {
                    return EventReceipt(eventID: event.id, rejection: error.description)
                }
            }
        }
    }

    private func insert(_ event: GateEvent) throws -> EventReceipt {
        let inserted = try connection.query("""
            INSERT INTO events (id, kind, checkpoint, document, at, payload, voids)
            VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::uuid)
            ON CONFLICT (id) DO NOTHING RETURNING received_at
            """, [
                .text(event.id.uuidString), .text(event.kind.rawValue), .text(event.checkpointID),
                PostgresValue(event.document), .integer(SQLValue.milliseconds(event.at)),
                .text(EventCoding.encode(event)), PostgresValue(event.voids?.uuidString),
            ])
        let receipt = inserted.rowCount > 0 ? inserted
            : try connection.query("SELECT received_at FROM events WHERE id = $1::uuid", [.text(event.id.uuidString)])
        guard receipt.rowCount > 0 else {
            throw CentralError("event \(event.id) was refused: it belongs to another checkpoint")
        }
        return EventReceipt(eventID: event.id,
                            receivedAt: Date(timeIntervalSince1970: Double(try receipt.int64(0, 0)) / 1000))
    }

    public func serverTime() throws -> Date {
        Date(timeIntervalSince1970: Double(try connection.query(
            "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint").int64(0, 0)) / 1000)
    }

    public func events(limit: Int) throws -> [StoredEvent] {
        let result = try connection.query(
            "SELECT payload, received_at FROM events ORDER BY received_at, id LIMIT $1", [.integer(Int64(limit))])
        return try (0..<result.rowCount).map { row in
            StoredEvent(event: try EventCoding.decode(try result.string(row, 0)),
                        receivedAt: Date(timeIntervalSince1970: Double(try result.int64(row, 1)) / 1000))
        }
    }

    /// COPYs the rows into a temporary table and applies them in the server, in one transaction.
    public func importCodes(_ rows: [CodeRow]) throws -> ImportSummary {
        try connection.transaction {
            try connection.execute("""
                CREATE TEMPORARY TABLE staged_codes (line serial, document text, name_masked text, phone text,
                    colour text, reason text, updated_at bigint) ON COMMIT DROP
                """)
            try connection.copyIn(
                "COPY staged_codes (document, name_masked, phone, colour, reason, updated_at) FROM STDIN",
                rows: rows.lazy.map { row in
                    [.text(row.document), .text(row.nameMasked), PostgresValue(row.phone), .text(row.colour.rawValue),
                     .text(row.reason), .integer(SQLValue.milliseconds(row.updatedAt))]
                })
            let result = try connection.query("SELECT changed, unchanged, stale FROM healthgate_import_codes()")
            return ImportSummary(changed: try result.int(0, 0), unchanged: try result.int(0, 1), stale: try result.int(0, 2))
        }
    }

    /// COPYs the rows into a temporary table and applies them in the server, in one transaction.
    public func importNAT(_ rows: [NATRow]) throws -> ImportSummary {
        try connection.transaction {
            try connection.execute("""
                CREATE TEMPORARY TABLE staged_tests (line serial, document text, sampled_at bigint, reported_at bigint,
                    result text, institution text) ON COMMIT DROP
                """)
            try connection.copyIn(
                "COPY staged_tests (document, sampled_at, reported_at, result, institution) FROM STDIN",
                rows: rows.lazy.map { row in
                    [.text(row.document), .integer(SQLValue.milliseconds(row.nat.sampledAt)),
                     row.nat.reportedAt.map { .integer(SQLValue.milliseconds($0)) } ?? .null,
                     .text(row.nat.outcome.rawValue), .text(row.nat.institution)]
                })
            let result = try connection.query("SELECT changed, unchanged, stale, unknown FROM healthgate_import_tests()")
            return ImportSummary(changed: try result.int(0, 0), unchanged: try result.int(0, 1), stale: try result.int(0, 2),
                                 unknownPeople: try result.int(0, 3))
        }
    }

    public func saveCheckpoint(_ checkpoint: Checkpoint) throws {
        let rules = String(decoding: try JSONEncoder().encode(checkpoint.rules), as: UTF8.self)
        try connection.query("""
            INSERT INTO checkpoints (id, name, kind, rules, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                rules = excluded.rules, updated_at = excluded.updated_at
            """, [.text(checkpoint.id), .text(checkpoint.name), .text(checkpoint.kind.rawValue), .text(rules),
                  .integer(SQLValue.milliseconds(clock()))])
    }

    /// Registers a checkpoint with a login role for its consoles, `role` with `password`; the
    /// connection must be an administrator's. Only the password's verifier leaves this machine.
    /// An existing checkpoint is refused unless `replacing`, so its consoles are not locked out by mistake.
    public func addCheckpoint(_ checkpoint: Checkpoint, role: String, password: String, replacing: Bool = false) throws {
        if !replacing, try self.checkpoint(id: checkpoint.id) != nil {
            throw CentralError("checkpoint \(checkpoint.id) exists already: give --replace to set its role and password anew")
        }
        let rules = String(decoding: try JSONEncoder().encode(checkpoint.rules), as: UTF8.self)
        try connection.query("SELECT healthgate_add_checkpoint($1, $2, $3, $4, $5, $6, $7)", [
            .text(checkpoint.id), .text(checkpoint.name), .text(checkpoint.kind.rawValue), .text(rules),
            .text(role), .text(try connection.encryptedPassword(password, role: role)),
            .integer(SQLValue.milliseconds(clock())),
        ])
    }

    public func registerIssuerKey(_ key: IssuerKey) throws {
        try TrustListRules.check(key)
        let added = try connection.query("""
            INSERT INTO issuer_keys (issuer, key_id, public_key, seal_key, valid_from, valid_to, revoked_at)
            VALUES ($1, $2, decode($3, 'base64'), decode($4, 'base64'), $5, $6, $7)
            ON CONFLICT (issuer, key_id) DO NOTHING
            """, [
                .text(key.issuer), .text(key.keyID), .text(Data(key.publicKey).base64EncodedString()),
                PostgresValue(key.sealKey.map { Data($0).base64EncodedString() }), .integer(SQLValue.milliseconds(key.validFrom)),
                PostgresValue(key.validTo.map(SQLValue.milliseconds)), PostgresValue(key.revokedAt.map(SQLValue.milliseconds)),
            ])
        if added.affectedRows == 0 { throw TrustListRules.duplicate(key) }
    }

    public func revokeIssuerKey(issuer: String, keyID: String, at: Date) throws -> Bool {
        try connection.query(
            "UPDATE issuer_keys SET revoked_at = coalesce(revoked_at, $3) WHERE issuer = $1 AND key_id = $2",
            [.text(issuer), .text(keyID), .integer(SQLValue.milliseconds(at))]
        ).affectedRows > 0
    }

    /// Sorted byte-wise, as the embedded store sorts, whatever the database's collation.
    public func issuerKeys() throws -> [IssuerKey] {
        let result = try connection.query("""
            SELECT issuer, key_id, encode(public_key, 'base64'), encode(seal_key, 'base64'), valid_from, valid_to, revoked_at
            FROM issuer_keys ORDER BY issuer COLLATE "C", key_id COLLATE "C"
            """)
        return try (0..<result.rowCount).map { row in
            IssuerKey(issuer: try result.string(row, 0), keyID: try result.string(row, 1),
                      publicKey: try bytes(result.string(row, 2)), sealKey: try result.optionalString(row, 3).map(bytes),
                      validFrom: try result.date(row, 4), validTo: try result.optionalDate(row, 5),
                      revokedAt: try result.optionalDate(row, 6))
        }
    }

    private func bytes(_ base64: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: base64) else { throw CentralError("a stored issuer key is not valid base64") }
        return [UInt8](data)
    }

    /// The checkpoint a login role stands for.
    public func checkpointID(role: String) throws -> String? {
        let result = try connection.query("SELECT id FROM checkpoints WHERE role = $1", [.text(role)])
        return result.rowCount == 0 ? nil : try result.string(0, 0)
    }

    public func checkpoint(id: String) throws -> Checkpoint? {
        let result = try connection.query("SELECT id, name, kind, rules FROM checkpoints WHERE id = $1", [.text(id)])
        guard result.rowCount > 0 else { return nil }
        return Checkpoint(
            id: try result.string(0, 0), name: try result.string(0, 1),
            kind: Checkpoint.Kind(rawValue: try result.string(0, 2)) ?? .gate,
            rules: try JSONDecoder().decode(CheckpointRules.self, from: Data(try result.string(0, 3).utf8)))
    }
}
