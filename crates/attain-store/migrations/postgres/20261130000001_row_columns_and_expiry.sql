-- Columns some programs read: a consumption row's service and offer category (NULL when the
-- export has none), and when an achievement expires (NULL: it does not).
ALTER TABLE consumption ADD COLUMN service TEXT;
ALTER TABLE consumption ADD COLUMN offer TEXT;
ALTER TABLE achievements ADD COLUMN expires_on TEXT;
