(window.BRIEFING_SEARCH_PARTS=window.BRIEFING_SEARCH_PARTS||{})["t-z"]={"zelenskiy":"24","zelensky":"4,f,4,1h","zelenskyy":"16,5,t"};
