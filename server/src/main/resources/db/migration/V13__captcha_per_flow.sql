-- A captcha belongs to the flow it was drawn for: it answers only there, a new one spends the flow's
-- earlier ones, and a flow may draw only so many (ADR 10; issue 11).
ALTER TABLE captcha ADD COLUMN flow_id VARCHAR(64);
CREATE INDEX ix_captcha_flow ON captcha (flow_id);
