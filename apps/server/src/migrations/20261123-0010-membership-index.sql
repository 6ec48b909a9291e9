-- Real-time evaluation reads the memberships of the touched profiles: with the audience id in the
-- index, that is an index-only scan instead of one heap read per membership.
drop index audience_members_profile_idx;
create index audience_members_profile_idx on audience_members (workspace_id, profile_id) include (audience_id);
