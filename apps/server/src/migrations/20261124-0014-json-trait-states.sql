-- Trait states and per-trait sources are written and read whole by the profile pipeline, never
-- queried inside: stored as `json` (the text as written, validated) they skip building and printing
-- jsonb's binary form, which cost more than the rest of their writes. `traits` stays jsonb
-- (audiences and tags query it).
alter table identifier_traits alter column state type json using state::json;
alter table profiles alter column trait_sources drop default;
alter table profiles alter column trait_sources type json using trait_sources::json;
alter table profiles alter column trait_sources set default '{}'::json;
