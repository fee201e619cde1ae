# కస్టమర్ పేజీలు ఎక్కడి నుంచి తెరుచుకుంటాయి (పరికరాల పట్టీ, సెట్టింగ్స్, `pages check`).
pages-anywhere = కస్టమర్ పేజీలు: ఎక్కడి నుంచైనా తెరుచుకుంటాయి ({ $time }కి తనిఖీ చేశాం)
pages-local = కస్టమర్ పేజీలు: దుకాణం Wi-Fiలో మాత్రమే ({ $url })
pages-this-computer = ఫోన్లు { $url } తెరవలేవు
pages-unreachable = కస్టమర్ పేజీలు అందుబాటులో లేవు: { $problem }
pages-unchecked = కస్టమర్ పేజీలు: { $url } (ఇంకా తనిఖీ చేయలేదు)
pages-checking = కస్టమర్ పేజీలు ఎక్కడ తెరుచుకుంటాయో తనిఖీ చేస్తున్నాం…
pages-check-button = పేజీలు ఎక్కడ తెరుచుకుంటాయో తనిఖీ చేయండి
pages-check-help = రసీదులపై ముద్రించిన చిరునామా నుంచి ఈ దుకాణం కీతో సంతకం చేసిన ఒకసారి జవాబును అడుగుతుంది, కాబట్టి ఆ చిరునామాలోని వేరే సర్వర్ లెక్కలోకి రాదు.
pages-ok-anywhere = కస్టమర్ పేజీలు ఎక్కడి నుంచైనా తెరుచుకుంటాయి: { $url }
pages-ok-local = కస్టమర్ పేజీలు దుకాణం నెట్‌వర్క్‌లో మాత్రమే తెరుచుకుంటాయి: { $url }. ఇంటి వద్ద ఫోన్లు వాటిని తెరవలేవు: [portal] public_urlను ఇంటర్నెట్‌లోని చిరునామాకు సెట్ చేయండి (README, "Customer pages from anywhere" చూడండి).
pages-ok-this-computer = ఫోన్లు { $url } తెరవలేవు: ఇది ఈ కంప్యూటర్ సొంత చిరునామా. [portal] public_url సెట్ చేయండి.
pages-not-reachable = { $url } వద్ద కస్టమర్ పేజీలు తెరుచుకోవు: { $problem }
pages-problem-name = పేరు కనబడలేదు (DNS)
pages-problem-refused = అక్కడ ఏదీ జవాబివ్వడం లేదు (కనెక్షన్ తిరస్కరించబడింది)
pages-problem-timeout = 10 సెకన్లలో జవాబు రాలేదు
pages-problem-tls = సురక్షిత కనెక్షన్ విఫలమైంది ({ $detail })
pages-problem-another = వేరే సర్వర్ జవాబిచ్చింది ({ $detail }), ఈ దుకాణం పేజీలు కాదు
pages-problem-address = { $detail } వెబ్ చిరునామా కాదు
pages-problem-other = { $detail }
pages-use-page-server = చైన్ పేజీ సర్వర్ వాటిని ఎక్కడి నుంచైనా తెరుస్తుంది: [portal] public_url = "{ $page_server }" సెట్ చేయండి.
pages-local-not-page-server = కస్టమర్ పేజీలు: దుకాణం Wi-Fiలో మాత్రమే ({ $url }), కానీ చైన్ పేజీ సర్వర్ వాటిని ఎక్కడి నుంచైనా తెరుస్తుంది: public_urlను { $page_server }కు సెట్ చేయండి
