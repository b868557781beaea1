window.BRIEFING_SEARCH_SHARDS={"perShard":1000,"docs":89,"articles":"0,z","actors":48,"dates":77,"terms":"012abcdefghijklmnopqrstuvwyz"};
