-- 035_evidence: 证据清单 — each case's evidence items, their attachments
-- (stored content-addressed by SHA-256 in a directory beside the database,
-- never altered), and the evidence a 处罚前告知 relies on (先告知后取证).

CREATE TABLE evidence (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES police_case(id),
  kind          TEXT NOT NULL,               -- enums EVIDENCE_KIND
  title         TEXT NOT NULL,               -- what it is, as the list prints it
  description   TEXT,
  source        TEXT,                        -- 提取/调取 from whom or where
  collected_at  INTEGER NOT NULL,            -- 取证时间
  interview_id  INTEGER REFERENCES interview(id),   -- a 笔录 item: the record
  property_id   INTEGER REFERENCES case_property(id), -- a 物证 item: the seized thing
  created_by    INTEGER NOT NULL REFERENCES users(id),
  created_at    INTEGER NOT NULL             -- when it entered the file
);
CREATE INDEX evidence_case ON evidence(case_id, id);

CREATE TABLE evidence_attachment (
  id           INTEGER PRIMARY KEY,
  evidence_id  INTEGER NOT NULL REFERENCES evidence(id),
  sha256       TEXT NOT NULL,                -- 64 hex: the stored file's name
  size         INTEGER NOT NULL,
  mime         TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX evidence_attachment_item ON evidence_attachment(evidence_id);

-- the evidence items a 告知 cites
CREATE TABLE notice_evidence (
  notice_id    INTEGER NOT NULL REFERENCES case_notice(id),
  evidence_id  INTEGER NOT NULL REFERENCES evidence(id),
  PRIMARY KEY (notice_id, evidence_id)
);

-- no signed statement of the suspect: the recorded reason (拒绝陈述, 在逃 …)
ALTER TABLE case_notice ADD COLUMN statement_missing_reason TEXT;
