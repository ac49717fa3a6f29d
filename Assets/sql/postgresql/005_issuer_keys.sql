-- healthgate central store, schema version 5: the trust list for signed dynamic codes.
-- Each issuer's (发码机构's) Ed25519 public keys, with the key that seals holder references in its
-- codes where this region can look them up. Times are whole milliseconds since 1970, as elsewhere.
-- Consoles read the whole list at every sync pass; only the administrator writes it.

CREATE TABLE issuer_keys (
    issuer text NOT NULL CHECK (issuer ~ '^[A-Z0-9-]{1,16}$'),
    key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{8}$'),
    public_key bytea NOT NULL CHECK (octet_length(public_key) = 32),
    seal_key bytea CHECK (octet_length(seal_key) = 32),
    valid_from bigint NOT NULL,
    valid_to bigint CHECK (valid_to > valid_from),
    revoked_at bigint,
    PRIMARY KEY (issuer, key_id)
);

GRANT SELECT ON issuer_keys TO healthgate_checkpoint;
