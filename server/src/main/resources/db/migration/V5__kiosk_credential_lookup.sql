-- Kiosks: every kiosk call looks its device credential up by hash, and a kiosk reports its own
-- machine name when it enrolls (shown to administrators beside the name they gave it).
CREATE UNIQUE INDEX uq_kiosk_credential_hash ON kiosk (credential_hash);
ALTER TABLE kiosk ADD COLUMN device_name VARCHAR(256);
