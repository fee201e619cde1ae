# Saan mabubuksan ang mga pahina para sa customer (device bar, Settings at `pages check`).
pages-anywhere = Mga pahina ng customer: nabubuksan kahit saan (sinuri { $time })
pages-local = Mga pahina ng customer: sa Wi-Fi lang ng tindahan ({ $url })
pages-this-computer = Hindi mabubuksan ng mga telepono ang { $url }
pages-unreachable = Hindi maabot ang mga pahina ng customer: { $problem }
pages-unchecked = Mga pahina ng customer: { $url } (hindi pa nasusuri)
pages-checking = Sinusuri kung saan nabubuksan ang mga pahina ng customer…
pages-check-button = Suriin kung saan nabubuksan ang mga pahina
pages-check-help = Humihingi sa address na nakalimbag sa resibo ng isang beses na sagot na pinirmahan ng susi ng tindahang ito, kaya hindi binibilang ang ibang server sa address na iyon.
pages-ok-anywhere = Nabubuksan kahit saan ang mga pahina ng customer: { $url }
pages-ok-local = Sa network lang ng tindahan nabubuksan ang mga pahina ng customer: { $url }. Hindi ito mabubuksan ng mga telepono sa bahay: itakda ang [portal] public_url sa isang address sa internet (tingnan ang README, "Customer pages from anywhere").
pages-ok-this-computer = Hindi mabubuksan ng mga telepono ang { $url }: address ito ng computer na ito mismo. Itakda ang [portal] public_url.
pages-not-reachable = Hindi mabuksan ang mga pahina ng customer sa { $url }: { $problem }
pages-problem-name = hindi nahanap ang pangalan (DNS)
pages-problem-refused = walang sumasagot doon (tinanggihan ang koneksyon)
pages-problem-timeout = walang sagot sa loob ng 10 segundo
pages-problem-tls = pumalya ang ligtas na koneksyon ({ $detail })
pages-problem-another = ibang server ang sumagot ({ $detail }), hindi ang mga pahina ng tindahang ito
pages-problem-address = hindi web address ang { $detail }
pages-problem-other = { $detail }
pages-use-page-server = Nabubuksan ito saanman ng page server ng chain: itakda ang [portal] public_url = "{ $page_server }".
pages-local-not-page-server = Mga pahina ng customer: sa Wi-Fi lang ng tindahan ({ $url }), pero nabubuksan ito saanman ng page server ng chain: itakda ang public_url sa { $page_server }
