# Odakle se stranice za kupce mogu otvoriti (traka uređaja, podešavanja i `pages check`).
pages-anywhere = Stranice za kupce: otvaraju se odasvud (provereno { $time })
pages-local = Stranice za kupce: samo na Wi-Fi mreži radnje ({ $url })
pages-this-computer = Telefoni ne mogu da otvore { $url }
pages-unreachable = Stranice za kupce nisu dostupne: { $problem }
pages-unchecked = Stranice za kupce: { $url } (još nije provereno)
pages-checking = Proverava se odakle se otvaraju stranice za kupce…
pages-check-button = Proveri odakle se stranice otvaraju
pages-check-help = Traži od adrese odštampane na računima jednokratan odgovor potpisan ključem ove radnje, tako da se drugi server na toj adresi ne računa.
pages-ok-anywhere = Stranice za kupce otvaraju se odasvud: { $url }
pages-ok-local = Stranice za kupce otvaraju se samo na mreži radnje: { $url }. Telefoni kod kuće ne mogu da ih otvore: podesite [portal] public_url na adresu na internetu (vidite README, „Customer pages from anywhere”).
pages-ok-this-computer = Telefoni ne mogu da otvore { $url }: to je adresa samog ovog računara. Podesite [portal] public_url.
pages-not-reachable = Stranice za kupce ne mogu da se otvore na { $url }: { $problem }
pages-problem-name = ime nije pronađeno (DNS)
pages-problem-refused = tamo ništa ne odgovara (veza odbijena)
pages-problem-timeout = nema odgovora za 10 sekundi
pages-problem-tls = bezbedna veza nije uspela ({ $detail })
pages-problem-another = odgovorio je drugi server ({ $detail }), a ne stranice ove radnje
pages-problem-address = { $detail } nije veb adresa
pages-problem-other = { $detail }
pages-use-page-server = Server stranica lanca otvara ih odasvud: podesite [portal] public_url = "{ $page_server }".
pages-local-not-page-server = Stranice za kupce: samo na Wi-Fi mreži radnje ({ $url }), a server stranica lanca ih otvara odasvud: podesite public_url na { $page_server }
