"""Use cases that cross domain apps.

Domain apps (meetings, questions, appeals, protocols, notifications, ...) do not call each other's services;
where one step of the law involves several of them, the step lives here and calls each app's services:

- ``question_appeal``: a question not answered in full becomes an appeal (Order 608 p.16; Order 652 p.32);
- ``sealing``: signed minutes hand the items not answered in full to appeals (Order 608 pp.16-17);
- ``personal_data``: a person withdraws consent by their tracking code (Law on personal data art. 8);
- ``retention``: report materials and personal data past their terms (Order 652 p.32; Law on personal data
  arts. 12, 18), run by ``esep retention purge``.

Interfaces (public, backoffice, api, demo and the apps' views) call these; domain apps never import them.
"""
