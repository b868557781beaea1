(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-v"]={"vladimir":"b,o,1,13","voiced":"m","volodymyr":"j,s,t","voters":"15"};
