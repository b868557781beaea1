(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-j"]={"jan":"b","january":"z,1,1d,1,1,1","jason":"17,g","joe":"u,u","journalists":"u","june":"o,6,1e,3","just":"9,o"};
