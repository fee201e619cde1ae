-- Regulars schema version 7: each customer's language.
--
-- The language a customer reads their pages and messages in: a shipped locale's tag (`lv`,
-- `sr-Cyrl`…), set at enrolment or on their page. NULL: not chosen, so their pages follow the
-- browser's Accept-Language, else the shop's language.
ALTER TABLE customers ADD COLUMN language TEXT;
