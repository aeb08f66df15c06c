-- A channel subdir's repodata is one jsonb document of megabytes, rewritten by every upload
-- (jsonb_set). Stored out of line without compression, a write skips compressing the whole
-- document again; it is served from memory, so its size on disk matters little.
ALTER TABLE "channel_repodata" ALTER COLUMN "data" SET STORAGE EXTERNAL;
