# Одакле се странице за купце могу отворити (трака уређаја, подешавања и `pages check`).
pages-anywhere = Странице за купце: отварају се одасвуд (проверено { $time })
pages-local = Странице за купце: само на Wi-Fi мрежи радње ({ $url })
pages-this-computer = Телефони не могу да отворе { $url }
pages-unreachable = Странице за купце нису доступне: { $problem }
pages-unchecked = Странице за купце: { $url } (још није проверено)
pages-checking = Проверава се одакле се отварају странице за купце…
pages-check-button = Провери одакле се странице отварају
pages-check-help = Тражи од адресе одштампане на рачунима једнократан одговор потписан кључем ове радње, тако да се други сервер на тој адреси не рачуна.
pages-ok-anywhere = Странице за купце отварају се одасвуд: { $url }
pages-ok-local = Странице за купце отварају се само на мрежи радње: { $url }. Телефони код куће не могу да их отворе: подесите [portal] public_url на адресу на интернету (видите README, „Customer pages from anywhere”).
pages-ok-this-computer = Телефони не могу да отворе { $url }: то је адреса самог овог рачунара. Подесите [portal] public_url.
pages-not-reachable = Странице за купце не могу да се отворе на { $url }: { $problem }
pages-problem-name = име није пронађено (DNS)
pages-problem-refused = тамо ништа не одговара (веза одбијена)
pages-problem-timeout = нема одговора за 10 секунди
pages-problem-tls = безбедна веза није успела ({ $detail })
pages-problem-another = одговорио је други сервер ({ $detail }), а не странице ове радње
pages-problem-address = { $detail } није веб адреса
pages-problem-other = { $detail }
pages-use-page-server = Сервер страница ланца отвара их одасвуд: подесите [portal] public_url = "{ $page_server }".
pages-local-not-page-server = Странице за купце: само на Wi-Fi мрежи радње ({ $url }), а сервер страница ланца их отвара одасвуд: подесите public_url на { $page_server }
