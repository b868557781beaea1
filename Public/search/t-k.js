(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-k"]={"keith":"r,y","kellogg":"r,1,x","kill":"s","kremlin":"0,1,a,1,4,l,p","kyiv":"6,e,1,7,z"};
