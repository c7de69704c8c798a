-- Addresses that identify a user's mail (journal sorting, multidrop POP3 assignment).
ALTER TABLE users
    ADD COLUMN email_addresses text[] NOT NULL DEFAULT '{}',
    ADD COLUMN pop3_user_names text[] NOT NULL DEFAULT '{}';
