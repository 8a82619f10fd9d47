-- 125_address_paging: the 标准地址 page pages on the server (issue 16); a
-- station's addresses filtered by community and building come in tree order
-- from one index.
CREATE INDEX address_station_tree ON address(station_id, community, building, unit_no, room);
