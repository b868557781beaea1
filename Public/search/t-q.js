(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-q"]={"question":"c","quick":"r","quickly":"k"};
