(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-2"]={"20":"b,o,1,1g","2016":"8,o,19","2018":"8,o,1a","2021":"u,1d,1","2024":"17,12,1,1","2025":"z,1,1c,1,1,1,1","24":"15"};
