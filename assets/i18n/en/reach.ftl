# Where the customer pages can be opened from (the device bar, Settings and `pages check`).
pages-anywhere = Customer pages: open from anywhere (checked { $time })
pages-local = Customer pages: only on the shop's Wi-Fi ({ $url })
pages-this-computer = Phones cannot open { $url }
pages-unreachable = Customer pages not reachable: { $problem }
pages-unchecked = Customer pages: { $url } (not checked yet)
pages-checking = Checking where the customer pages open…
pages-check-button = Check where the pages open
pages-check-help = Asks the address printed on receipts for a one-time answer signed with this shop's key, so another server at that address does not count.
pages-ok-anywhere = Customer pages open from anywhere: { $url }
pages-ok-local = Customer pages open only on the shop's network: { $url }. Phones at home cannot open them: set [portal] public_url to an address on the internet (see the README, "Customer pages from anywhere").
pages-ok-this-computer = Phones cannot open { $url }: it is this computer's own address. Set [portal] public_url.
pages-not-reachable = Customer pages cannot be opened at { $url }: { $problem }
pages-problem-name = the name is not found (DNS)
pages-problem-refused = nothing answers there (connection refused)
pages-problem-timeout = no answer within 10 seconds
pages-problem-tls = the secure connection failed ({ $detail })
pages-problem-another = another server answered ({ $detail }), not this shop's pages
pages-problem-address = { $detail } is not a web address
pages-problem-other = { $detail }
pages-use-page-server = The chain's page server opens them from anywhere: set [portal] public_url = "{ $page_server }".
pages-local-not-page-server = Customer pages: only on the shop's Wi-Fi ({ $url }), but the chain's page server opens them from anywhere: set public_url to { $page_server }
