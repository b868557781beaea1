(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-y"]={"year":"u","years":"u","you":"16"};
