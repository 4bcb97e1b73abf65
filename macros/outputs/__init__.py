"""Files written besides the pages: downloads, the Atom feed, robots.txt and language links, the search index's text."""
