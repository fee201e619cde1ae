cli-points = { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}
cli-enrolled = Pievienots { $name }: karte { $code }, ieteikuma kods { $referral }, atlikums { cli-points }.
cli-customer = { $name }  karte { $code }  ieteikuma kods { $referral }
cli-erased = (dati dzēsti)
cli-phone = tālrunis   { $phone }
cli-email = e-pasts    { $email }
cli-balance = atlikums   { cli-points }
cli-visits = apmeklējumi { $visits }
cli-visits-last = apmeklējumi { $visits } (pēdējais { $when })
cli-next = nākamais   { $progress }
cli-reward-voucher = balva      { $reward } (zīmogu karte, bez maksas)  [{ $id }]
cli-reward-points = balva      { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = pievienots { $when }
cli-sale-duplicate = Čeks { $receipt } jau ir reģistrēts (apmeklējums { $visit }, { $amount }): nekas nav mainīts.
cli-sale-member = Pirkums { $amount } reģistrēts (apmeklējums { $visit }) klientam { $code }: +{ cli-points }, atlikums { $balance }.
cli-stamp-complete = Zīmogu karte pilna: balvas kupons ir gatavs.
cli-receipt-page = Čeka lapa: { $url }
cli-sale-anonymous = Anonīms pirkums { $amount } reģistrēts (apmeklējums { $visit }). Čeka lapa: { $url }
cli-refunded = Atmaksāti { $amount } no čeka { $receipt }.
cli-refunded-full = Atmaksāti { $amount } no čeka { $receipt } (pilnībā).
cli-points-back = Noņemti { cli-points }; atlikums { $balance }.
cli-points-spent = (Pienācās { $due }; pārējie jau bija iztērēti balvām.)
cli-printed = Čeks izdrukāts: { $file }
cli-printed-count = Izdrukāti čeki: { $count }.
cli-not-printed = Čeks nav izdrukāts: { $problem }. Tas ir saglabāts (gaida: { $waiting }) un tiks izdrukāts ar `regulars print retry`, kad printeris būs gatavs.
cli-stats-customers = Klienti
cli-stats-sales = Pārdošana
cli-stats-sales-value = { $sales } (atmaksas { $refunds })
cli-stats-csv = CSV faili ({ $count }) ierakstīti mapē { $dir }.
cli-nothing-to-print = Nekas negaida drukāšanu.
cli-print-job = darbs { $id } ({ $kind }, apmeklējums { $visit }) no { $when }: mēģinājumi { $attempts }
cli-print-job-error = { $job }, pēdējā kļūda: { $error }
cli-trying-again = { $waiting }; mēģina vēlreiz…
cli-staff-added = Pievienots { $name } ({ $role }). Kase tagad prasa darbinieka PIN, lai pieteiktos.
cli-staff-none = Nav darbinieku: ikviens pie kases var pārdot un atmaksāt. Pievienojiet tos ar `regulars staff add`.
cli-backup-exists = { $path } jau pastāv: izvēlieties citu ceļu; nekas netika pārrakstīts
cli-backup-written = Rezerves kopija ierakstīta: { $path } ({ $kb } KB).
cli-serving = Klientu lapas: http://{ $addr } (čeki ved uz { $url }). Apturēt: Ctrl-C.
cli-api-on = Lokālais API: /api/v1/ (atslēga no [portal] api_key).
cli-api-off = Lokālais API izslēgts: iestatiet [portal] api_key failā config.toml, lai kase to varētu izsaukt.
cli-devices-state = Ierīces: printeris: { $printer }; skeneris: { $scanner }.
