# The owner's dashboard, in English.
dash-title = Owner dashboard
dash-from = From (YYYY-MM-DD)
dash-to = To
dash-last-90 = Last 90 days
dash-all-time = All time
dash-owner-pin = Owner PIN for the figures
dash-show = Show figures
dash-export = Export CSV
dash-choose = Choose a range and press Show figures.
dash-range = { $from } to { $to }
dash-row = { $name }: { $value }
dash-none = -
dash-repeat-rate = Repeat-visit rate
dash-repeat-rate-value = { $rate } ({ $repeat } of { $visiting } visiting members)
dash-visits = Visits
dash-visits-value = { $visits } ({ $members } by members, { $anonymous } anonymous)
dash-median-days = Median days between visits
dash-average-spend = Average spend
dash-average-spend-value = members { $members }, anonymous { $anonymous }
dash-points = Points
dash-points-value = { $issued } issued, { $redeemed } redeemed, { $expired } expired; outstanding { $outstanding }
dash-redemption-rate = Redemption rate
dash-referrals = Referrals
dash-referrals-value = { $shared } codes shared, { $enrolled } friends enrolled, { $rewarded } made their first purchase (both rewarded); { $pending } pending; { $refused } refused
dash-average-rating = Average rating
dash-rating-value = { $average } of 5 ({ $count ->
    [one] { $count } rating
   *[other] { $count } ratings
})
dash-no-ratings = no ratings
dash-tickets = Tickets
dash-tickets-value = { $opened } opened, { $resolved } resolved, { $open } open now; median time to resolve { $median }
dash-hours = { $hours } h
dash-weeks = New and returning members per week
dash-week = week
dash-new-members = New members
dash-returning-members = Returning members
dash-weeks-table = Weeks as a table
dash-week-starting = Week starting
dash-new = New
dash-returning = Returning
dash-frequency = Visit frequency (members by visits in the range)
dash-members = Members
dash-frequency-table = Frequency as a table
dash-frequency-row = { $visits } visits
dash-cohorts = Cohort retention (by month of first visit)
dash-cohort = Cohort
dash-cohort-so-far = { $figure } so far
dash-cohort-so-far-hint = This month is not over: the figure counts visits up to the end of the chosen range, not a whole month.
dash-month-after = +{ $months } mo
dash-top-spend = Top customers by spend
dash-top-visits = Top customers by visits
dash-erased = (erased)
dash-visit-count = { $visits ->
    [one] { $visits } visit
   *[other] { $visits } visits
}
dash-ratings = Ratings
dash-stars = { $stars ->
    [one] { $stars } star
   *[other] { $stars } stars
}
dash-stars-count = { $stars ->
    [one] { $stars } star
   *[other] { $stars } stars
}: { $count }
dash-refused = Referrals refused
dash-scope = Figures of:
dash-scope-till = This till
dash-scope-all = All shops
dash-chain-heading = The chain's shops (from the central store)
dash-chain-shop = Shop
dash-chain-sales = Sales
dash-chain-refunds = Refunds
dash-chain-returning = Returning members
dash-chain-earned = Points earned
dash-chain-redeemed = Points redeemed
dash-chain-service = New members, ratings and tickets
dash-chain-resolved = Resolved now
dash-overdue = Overdue tickets
dash-overdue-value = { $count } past their reply or resolve target now
dur-minutes = { $minutes } min
dur-hours = { $hours } h { $minutes } min
dur-days = { $days } d { $hours } h
dash-share = { $part } of { $whole } ({ $percent })
dash-share-few = { $part } of { $whole }
dash-few-note = { $value } (too few for a percentage)
dash-share-none = none yet
dash-support = Support: does fixing a problem bring the customer back?
dash-first-reply = Time to first reply
dash-first-reply-value = median { $median } · tickets: { $count } · still without a reply: { $unreplied }
dash-resolution = Time to resolution
dash-resolution-value = median { $median } · tickets resolved: { $count }
dash-outcomes = Resolved tickets
dash-outcomes-value = { $ever } in all: confirmed by the customer { $confirmed }; reopened { $reopened }; left unconfirmed { $unconfirmed }
dash-effort = Repeat contacts
dash-effort-value = { $contacts } in all ({ $per } per ticket); tickets that needed one: { $share }
dash-came-back = Came back within { $days } days
dash-came-back-value = after a confirmed fix { $confirmed }; after any other ticket { $other } (tickets resolved up to { $until })
dash-came-back-early = too early to tell: a ticket needs { $days } days behind it
dash-rated-visits = Visits rated
dash-quiet = Ratings of quiet members and of those who complained
dash-quiet-value = never complained: { $quiet }; complained: { $complained }; anonymous: { $anonymous }
dash-waits = Waits by severity and channel (median · tickets)
dash-wait-cell = { $median } · { $count }
dash-by-staff = Ratings by staff on duty (the owner's eyes only)
dash-staff = Staff
dash-low-ratings = 3 stars or fewer
dash-overdue-by-day = Overdue tickets at the end of each day
dash-overdue-none = No tickets in this range, so none were overdue.
dash-day = day
dash-referral-moment = Referrals right after a reward
dash-referral-moment-value = { $after } within { $days } days after the referrer redeemed a reward; { $other } at other times
dur-span = { $from }–{ $to }
dur-over = over { $from }
dash-common-problems = Most common problems and their usual fixes (all time)
dash-problem = Problem
dash-usual-fixes = Usual fixes
dash-fix = { $body } ({ $uses } ×)
dash-no-fixes = no kept answer used yet
dur-hours-only = { $hours } h
dur-days-only = { $days } d
