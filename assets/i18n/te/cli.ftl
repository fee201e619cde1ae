cli-points = { $points ->
    [one] { $points } పాయింట్
   *[other] { $points } పాయింట్లు
}
cli-enrolled = { $name } చేరారు: కార్డ్ { $code }, రిఫరల్ కోడ్ { $referral }, బ్యాలెన్స్ { cli-points }.
cli-customer = { $name }  కార్డ్ { $code }  రిఫరల్ కోడ్ { $referral }
cli-erased = (వివరాలు తొలగించబడ్డాయి)
cli-phone = ఫోన్      { $phone }
cli-email = ఈమెయిల్   { $email }
cli-balance = బ్యాలెన్స్ { cli-points }
cli-visits = సందర్శనలు { $visits }
cli-visits-last = సందర్శనలు { $visits } (చివరిది { $when })
cli-next = తదుపరి    { $progress }
cli-reward-voucher = బహుమతి   { $reward } (స్టాంప్ కార్డ్, ఉచితం)  [{ $id }]
cli-reward-points = బహుమతి   { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = చేరిన తేదీ { $when }
cli-sale-duplicate = రసీదు { $receipt } ఇప్పటికే నమోదైంది (సందర్శన { $visit }, { $amount }): ఏమీ మారలేదు.
cli-sale-member = { $code } కోసం { $amount } అమ్మకం నమోదైంది (సందర్శన { $visit }): +{ cli-points }, బ్యాలెన్స్ { $balance }.
cli-stamp-complete = స్టాంప్ కార్డ్ నిండింది: బహుమతి వోచర్ సిద్ధం.
cli-receipt-page = రసీదు పేజీ: { $url }
cli-sale-anonymous = కార్డ్ లేని { $amount } అమ్మకం నమోదైంది (సందర్శన { $visit }). రసీదు పేజీ: { $url }
cli-refunded = రసీదు { $receipt } నుండి { $amount } తిరిగి ఇచ్చాము.
cli-refunded-full = రసీదు { $receipt } నుండి { $amount } తిరిగి ఇచ్చాము (పూర్తిగా).
cli-points-back = { cli-points } వెనక్కి తీసుకున్నాము; బ్యాలెన్స్ { $balance }.
cli-points-spent = ({ $due } రావాల్సి ఉంది; మిగతావి ఇప్పటికే బహుమతులకు ఖర్చయ్యాయి.)
cli-printed = రసీదు ప్రింట్ అయింది: { $file }
cli-printed-count = ప్రింట్ అయిన రసీదులు: { $count }.
cli-not-printed = రసీదు ప్రింట్ కాలేదు: { $problem }. ఇది భద్రంగా ఉంది ({ $waiting } వేచి ఉన్నాయి), ప్రింటర్ సిద్ధమైనప్పుడు `regulars print retry`తో ప్రింట్ అవుతుంది.
cli-stats-customers = కస్టమర్లు
cli-stats-sales = అమ్మకాలు
cli-stats-sales-value = { $sales } (రీఫండ్‌లు { $refunds })
cli-stats-csv = { $count } CSV ఫైళ్ళు { $dir }లో రాశాము.
cli-nothing-to-print = ప్రింట్ కోసం ఏదీ వేచి లేదు.
cli-print-job = పని { $id } ({ $kind }, సందర్శన { $visit }) { $when } నుండి: { $attempts } ప్రయత్నాలు
cli-print-job-error = { $job }, చివరిది: { $error }
cli-trying-again = { $waiting }; మళ్ళీ ప్రయత్నిస్తోంది…
cli-staff-added = { $name } ({ $role }) జోడించబడ్డారు. ఇప్పుడు కౌంటర్ సైన్ ఇన్ కోసం సిబ్బంది PIN అడుగుతుంది.
cli-staff-none = సిబ్బంది లేరు: కౌంటర్ వద్ద ఎవరైనా అమ్మవచ్చు, రీఫండ్ చేయవచ్చు. `regulars staff add`తో వారిని జోడించండి.
