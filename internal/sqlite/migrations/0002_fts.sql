-- 0002: full-text search over article title and text (FTS5, external
-- content: the index stores no second copy of the text).
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'page_id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.page_id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.page_id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.page_id, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.page_id, new.title, new.text);
END;
