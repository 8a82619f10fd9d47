-- 046_community_indexes: the people living at an address are counted on every
-- address list, beat figure and 漏登漏管 candidate (issue 16: lists in under
-- 200 ms at the demo scale); without this index each count scans the person
-- table.
CREATE INDEX person_address ON person(address_id);
