-- A person's preferred language (modules/iam owns users): the language of the
-- screens after sign-in on any device, and of the notifications they receive
-- (SMS, e-mail, in-app). Chinese unless they choose English.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en'));
