# ప్రతి సంఘటన తర్వాత కౌంటర్ కింది వరుస చెప్పేది.
worker-stopped = డేటాబేస్ ప్రక్రియ ఆగిపోయింది: Regularsను మళ్ళీ ప్రారంభించండి. ఏదీ నమోదు కాలేదు.
scan-not-understood = స్కాన్ అర్థం కాలేదు: { $reason }
scan-referral = సిఫార్సు కోడ్ { $code }: కొత్త కస్టమర్ వివరాలు నింపి సభ్యులుగా చేర్చండి నొక్కండి.
scan-product = ఉత్పత్తి బార్‌కోడ్ ({ $symbology } { $gtin }): దీన్ని క్యాష్ రిజిస్టర్‌లో నమోదు చేయండి.
scan-unknown = తెలియని కోడ్ '{ $code }': { $reason }
identify-customer-first = ముందుగా కస్టమర్‌ను గుర్తించండి (వారి కార్డ్‌ను స్కాన్ చేయండి లేదా వెతకండి).
sale-not-recorded = అమ్మకం నమోదు కాలేదు: { $error }
refund-not-made = వాపసు జరగలేదు: { $error }
signed-out = సైన్ అవుట్ అయ్యారు.
customer-identified = { $name } ({ $code })
customer-unnamed = కస్టమర్
enrolled = { $name } సభ్యులుగా చేరారు: కార్డ్ { $code }, సిఫార్సు కోడ్ { $referral }.
sold = { $name } కోసం { $amount } అమ్మకం నమోదైంది: +{ $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}, బ్యాలెన్స్ { $balance }.
sold-anonymous = కస్టమర్ లేని { $amount } అమ్మకం నమోదైంది; పాయింట్లు పొందడానికి రసీదుపై QR ఉంది.
stamp-card-complete = స్టాంప్ కార్డ్ నిండింది: బహుమతి సిద్ధంగా ఉంది.
redeemed = { $reward } పొందారు ({ $how }). బ్యాలెన్స్ { $balance ->
    [one] { $balance } పాయింట్
   *[other] { $balance } పాయింట్లు
}.
refunded = రసీదు { $receipt } పై { $amount } వాపసు ఇచ్చారు: { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
} వెనక్కి తీసుకున్నాం.
reprinting = చివరి రసీదు మళ్ళీ ప్రింట్ అవుతోంది.
adjusted = పాయింట్లు { $change } సవరించబడ్డాయి: బ్యాలెన్స్ { $balance }.
signed-in = సైన్ ఇన్ అయ్యారు: { $name } ({ $role }).
visit-opened = సందర్శన { $id }, { $when }: { $amount }.
visit-opened-refunded = సందర్శన { $id }, { $when }: { $amount }, { $refunded } వాపసు ఇచ్చారు.
problem = సమస్య ({ $doing }): { $error }
not-enrolled = సభ్యులుగా చేర్చలేదు: { $error }
receipt-not-printed = రసీదు ప్రింట్ కాలేదు: { $problem }. ఇది దాచబడింది, ప్రింటర్ సిద్ధమైనప్పుడు ప్రింట్ అవుతుంది.
not-a-date = '{ $text }' తేదీ కాదు: YYYY-MM-DD వాడండి
range-backwards = కాలం దాని ముగింపు తర్వాత మొదలవుతోంది.
export-needs-figures = ముందుగా గణాంకాలు చూపండి, తర్వాత ఎగుమతి చేయండి.
ticket-needs-customer = ముందుగా కస్టమర్‌ను గుర్తించండి (లేదా రసీదును స్కాన్ చేయండి), తర్వాత టికెట్ తెరవండి.
not-points = '{ $text }' పాయింట్ల సంఖ్య కాదు: ఉదా. 20 లేదా -15
figures-shown = { $from } నుండి { $to } వరకు గణాంకాలు.
