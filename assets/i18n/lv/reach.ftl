# Kur klientu lapas var atvērt (ierīču josla, iestatījumi un `pages check`).
pages-anywhere = Klientu lapas: atveramas no jebkurienes (pārbaudīts { $time })
pages-local = Klientu lapas: tikai veikala Wi-Fi tīklā ({ $url })
pages-this-computer = Telefoni nevar atvērt { $url }
pages-unreachable = Klientu lapas nav sasniedzamas: { $problem }
pages-unchecked = Klientu lapas: { $url } (vēl nav pārbaudīts)
pages-checking = Pārbauda, kur atveras klientu lapas…
pages-check-button = Pārbaudīt, kur atveras lapas
pages-check-help = Pieprasa no čekos drukātās adreses vienreizēju atbildi, kas parakstīta ar šī veikala atslēgu, lai cits serveris tajā pašā adresē neskaitītos.
pages-ok-anywhere = Klientu lapas atveras no jebkurienes: { $url }
pages-ok-local = Klientu lapas atveras tikai veikala tīklā: { $url }. Mājās telefoni tās neatvērs: iestatiet [portal] public_url uz adresi internetā (skatiet README, „Customer pages from anywhere”).
pages-ok-this-computer = Telefoni nevar atvērt { $url }: tā ir šī datora paša adrese. Iestatiet [portal] public_url.
pages-not-reachable = Klientu lapas nevar atvērt adresē { $url }: { $problem }
pages-problem-name = nosaukums nav atrasts (DNS)
pages-problem-refused = tur nekas neatbild (savienojums atteikts)
pages-problem-timeout = nav atbildes 10 sekunžu laikā
pages-problem-tls = drošais savienojums neizdevās ({ $detail })
pages-problem-another = atbildēja cits serveris ({ $detail }), nevis šī veikala lapas
pages-problem-address = { $detail } nav tīmekļa adrese
pages-problem-other = { $detail }
pages-use-page-server = Ķēdes lapu serveris tās atver no jebkuras vietas: iestatiet [portal] public_url = "{ $page_server }".
pages-local-not-page-server = Klientu lapas: tikai veikala Wi-Fi tīklā ({ $url }), bet ķēdes lapu serveris tās atver no jebkuras vietas: iestatiet public_url uz { $page_server }
