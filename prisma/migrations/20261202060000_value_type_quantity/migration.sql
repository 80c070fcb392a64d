-- A physical quantity (land area, grain, electricity, a time limit) is neither money (amount) nor
-- a count: the catalogue typed them 金额. The new value is used by the next migration (PostgreSQL
-- does not allow a value added to an enum to be used in the transaction that added it).
ALTER TYPE "value_type" ADD VALUE IF NOT EXISTS 'quantity';
