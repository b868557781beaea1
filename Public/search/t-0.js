(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-0"]={"01":"2d,1,1,1","04":"2a","06":"28,3","09":"2e"};
