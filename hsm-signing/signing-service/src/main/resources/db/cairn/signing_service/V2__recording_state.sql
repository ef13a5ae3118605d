-- Requests that need no approval are stored with their signature in state 'recording' until the audit
-- journal has recorded the signature; only then do they become 'signed' and is the signature shown.
ALTER TABLE signing_requests DROP CONSTRAINT signing_requests_state_check;
ALTER TABLE signing_requests ADD CONSTRAINT signing_requests_state_check
    CHECK (state IN ('pending', 'approved', 'recording', 'signed', 'completed', 'rejected', 'expired'));
