"""A small gazetteer: places the text detectors know, each with how precise it is.

Precision levels follow `safety.location_precision` in site.yaml (country < state < city < district),
with one more level below them all: a locality (a village, a para or basti, a street, a landmark) is
finer than any precision a site may allow. A place is reported when it is finer than the site's
precision; places listed in `safety.known_places` never are, places in `safety.fine_places` always are.

The lists are deliberately short and editable: Kolkata, Howrah, Mumbai and Delhi neighbourhoods
(red-light areas first), the cities the organisation works in, countries and regions. The suffix
patterns in identifiers.py ("… village", "… para", "… Nagar", "south Kolkata") catch what no list can.
"""

from __future__ import annotations

COUNTRY, STATE, CITY, DISTRICT, LOCALITY = 0, 1, 2, 3, 4
LEVELS = {"country": COUNTRY, "state": STATE, "city": CITY, "district": DISTRICT}
LEVEL_WORDS = {
    COUNTRY: "a country",
    STATE: "a state or region",
    CITY: "a city",
    DISTRICT: "a neighbourhood",
    LOCALITY: "a village, street or landmark",
}

COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Herzegovina|
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|
Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|DR Congo|Democratic Republic of the Congo|
Costa Rica|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|
Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|
Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|
India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Côte d'Ivoire|Jamaica|Japan|Jordan|Kazakhstan|
Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|
Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|
New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|
Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|
Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|East Timor|Togo|Tonga|
Trinidad and Tobago|Trinidad|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|UAE|United Kingdom|UK|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|
United States|United States of America|USA|US|America|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|
Viet Nam|Yemen|Zambia|Zimbabwe|Europe|Asia|Africa|Americas|Oceania|Antarctica
"""

REGIONS = """
South Asia|Southeast Asia|South-East Asia|East Asia|Central Asia|West Asia|Middle East|Near East|Gulf|
Persian Gulf|Arabian Gulf|East Africa|West Africa|North Africa|Southern Africa|Central Africa|
Horn of Africa|Sub-Saharan Africa|Sahel|Great Lakes|Latin America|Central America|South America|
North America|Caribbean|Eastern Europe|Western Europe|Northern Europe|Southern Europe|Central Europe|
Balkans|Western Balkans|Mediterranean|Pacific|Asia-Pacific|Asia Pacific|Indian Ocean|Bay of Bengal|
Himalayas|Sundarbans|Terai|Northeast India|North East India|Mekong|Andes|Amazon|Scandinavia|Baltics|
West Bengal|Bengal|Bihar|Jharkhand|Odisha|Orissa|Assam|Uttar Pradesh|Madhya Pradesh|Maharashtra|Gujarat|
Rajasthan|Punjab|Haryana|Karnataka|Kerala|Tamil Nadu|Andhra Pradesh|Telangana|Chhattisgarh|Uttarakhand|
Himachal Pradesh|Jammu and Kashmir|Kashmir|Ladakh|Sikkim|Meghalaya|Manipur|Mizoram|Nagaland|Tripura|
Arunachal Pradesh|Goa|Bagmati|Madhesh|Koshi|Lumbini|Gandaki|Karnali|Sudurpashchim|Mindanao|Visayas|
Luzon|Rakhine|Kachin|Shan State|Punjab Province|Sindh|Khyber Pakhtunkhwa|Balochistan|Kurdistan|
North 24 Parganas|South 24 Parganas|Nadia|Hooghly|Hugli|Murshidabad|Purulia|Bankura|Birbhum|Medinipur|
Midnapore|Paschim Medinipur|Purba Medinipur|Jhargram|Uttar Dinajpur|Dakshin Dinajpur|Malda|Jalpaiguri|
Alipurduar|Cooch Behar|Darjeeling|Kalimpong|Howrah district|Bardhaman|Burdwan|Nepal Terai|
California|Texas|Florida|New York State|Illinois|Ohio|Georgia|Michigan|Washington State|
"""

CITIES = """
Kolkata|Calcutta|Howrah|Mumbai|Bombay|Delhi|New Delhi|Chennai|Madras|Bengaluru|Bangalore|Hyderabad|Pune|
Ahmedabad|Surat|Jaipur|Lucknow|Kanpur|Nagpur|Patna|Ranchi|Bhubaneswar|Guwahati|Siliguri|Asansol|Durgapur|
Kharagpur|Haldia|Barasat|Baruipur|Diamond Harbour|Canning|Basirhat|Bongaon|Petrapole|Digha|Agra|
Varanasi|Allahabad|Prayagraj|Gorakhpur|Muzaffarpur|Gaya|Bhopal|Indore|Gwalior|Raipur|Thane|Navi Mumbai|
Nashik|Aurangabad|Panaji|Kochi|Thiruvananthapuram|Coimbatore|Madurai|Mysuru|Mysore|Mangaluru|
Visakhapatnam|Vijayawada|Chandigarh|Amritsar|Ludhiana|Dehradun|Shimla|Srinagar|Jammu|Noida|Gurugram|
Gurgaon|Faridabad|Ghaziabad|Meerut|Bhiwandi|Kalyan|Vasai|Virar|Dhanbad|Jamshedpur|Cuttack|Puri|Shillong|
Imphal|Aizawl|Agartala|Kohima|Itanagar|Gangtok|Silchar|Dimapur|Kathmandu|Pokhara|Biratnagar|Birgunj|
Nepalgunj|Bhairahawa|Dhaka|Chittagong|Chattogram|Khulna|Jessore|Jashore|Satkhira|Benapole|Rajshahi|
Sylhet|Cox's Bazar|Karachi|Lahore|Islamabad|Peshawar|Kabul|Herat|Colombo|Male|Thimphu|Gulu|Kakuma|
Nairobi|Mombasa|Juba|Bujumbura|Goma|Dollo Ado|Kigoma|Kampala|Kigali|Addis Ababa|Dar es Salaam|
Maiduguri|Freetown|Monrovia|Ouagadougou|Mopti|Diffa|Lagos|Abuja|Accra|Mafraq|Zahlé|Zahle|Gaziantep|
Erbil|Aden|Idlib|Beirut|Amman|Baghdad|Damascus|Cairo|Dubai|Abu Dhabi|Doha|Riyadh|Jeddah|Muscat|
Kuwait City|Mae Sot|Cebu|Cebu City|Sittwe|Phnom Penh|Siem Reap|Poipet|Dili|Bangkok|Pattaya|Chiang Mai|
Manila|Quezon City|Davao|Jakarta|Kuala Lumpur|Singapore|Hanoi|Ho Chi Minh City|Yangon|Mandalay|
Vientiane|Beijing|Shanghai|Hong Kong|Tokyo|Seoul|Tegucigalpa|San Pedro Sula|Cúcuta|Cucuta|Tapachula|
Tijuana|Port-au-Prince|Quetzaltenango|Guatemala City|San Salvador|Managua|Mexico City|Bogotá|Bogota|
Caracas|Quito|Lima|São Paulo|Sao Paulo|Rio de Janeiro|Buenos Aires|Santiago|Lviv|Kyiv|Kiev|Odesa|
Chișinău|Chisinau|Lesbos|Athens|Sarajevo|Przemyśl|Przemysl|Warsaw|Bucharest|Sofia|Belgrade|Tirana|
Istanbul|Moscow|Berlin|Paris|Rome|Madrid|Barcelona|Amsterdam|Brussels|Vienna|Geneva|Zurich|London|
Manchester|Birmingham|Leeds|Liverpool|Bristol|Sheffield|Leicester|Nottingham|Newcastle|Glasgow|
Edinburgh|Cardiff|Belfast|Dublin|New York|New York City|Los Angeles|Chicago|Houston|Washington|
Washington DC|Atlanta|Miami|Toronto|Vancouver|Montreal|Sydney|Melbourne|Johannesburg|Cape Town|Durban
"""

# Neighbourhoods and sub-city areas: finer than a city. Red-light areas are listed first in each city.
DISTRICTS = """
Sonagachi|Sonagachhi|Kalighat|Bowbazar|Seth Bagan|Rambagan|Sealdah|Tiljala|Topsia|Tangra|Park Circus|
Garden Reach|Metiabruz|Kidderpore|Khidirpur|Watgunge|Ekbalpur|Behala|Tollygunge|Jadavpur|Garia|Kasba|
Gariahat|Ballygunge|Bhowanipore|Bhawanipur|Alipore|Esplanade|Burrabazar|Bara Bazar|Chitpur|Shyambazar|
Bagbazar|Sovabazar|Shobhabazar|Maniktala|Ultadanga|Beleghata|Narkeldanga|Rajabazar|Entally|Taltala|
Dharmatala|Chowringhee|Salt Lake|Bidhannagar|New Town|Rajarhat|Dum Dum|Dumdum|Baranagar|Cossipore|
Belgachia|Lake Town|Kestopur|Baguiati|Dhakuria|Jodhpur Park|Lake Gardens|Golf Green|Regent Park|
Bansdroni|Thakurpukur|Sarsuna|Barisha|Mominpur|Hastings|Sonarpur|Tikiapara|Liluah|Belur|Bally|Shibpur|
Santragachi|Pilkhana|Golabari|Bantra|Salkia|Dasnagar|Kadamtala|Ramrajatala|Jagacha|Domjur|Andul|
Shalimar|Kamathipura|Falkland Road|Grant Road|Foras Road|Dharavi|Kurla|Govandi|Mankhurd|Andheri|Bandra|
Colaba|Byculla|Malad|Borivali|Chembur|Ghatkopar|Sion|Dadar|Worli|Nagpada|Mira Road|Bhayandar|Santacruz|
Juhu|Goregaon|Kandivali|Dahisar|Mulund|Vikhroli|Powai|Sakinaka|Saki Naka|Mahim|Matunga|Parel|Lalbaug|
Tardeo|Mazgaon|Dongri|Bhendi Bazaar|Vashi|Turbhe|Nerul|Kharghar|GB Road|G.B. Road|Garstin Bastion Road|
Paharganj|Seelampur|Jahangirpuri|Sangam Vihar|Shaheen Bagh|Chandni Chowk|Karol Bagh|Lajpat Nagar|Saket|
Dwarka|Rohini|Mundka|Narela|Bawana|Okhla|Jamia Nagar|Nizamuddin|Daryaganj|Mayur Vihar|Laxmi Nagar|
Shahdara|Trilokpuri|Kalkaji|Govindpuri|Munirka|Mehrauli|Sadar Bazaar|Old Delhi|Budhwar Peth|
Ganga Jamuna|Reshmpura|Chaturbhuj Sthan|Thamel|Boudha|Kalanki|Kamrangirchar|Mirpur|Old Dhaka|Dhanmondi|Gulshan|
Banani|Mohammadpur|Uttara|Motijheel|Tejgaon|Jatrabari|
Daulatdia|Kandapara|Kandapara|Tondo|Payatas|Quiapo|Klong Toey|Khlong Toei|Svay Pak|Tuol Kork
"""


def _split(block: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in block.replace("\n", "").split("|") if p.strip()))


PLACES: dict[str, int] = {}
for _level, _block in ((COUNTRY, COUNTRIES), (STATE, REGIONS), (CITY, CITIES), (DISTRICT, DISTRICTS)):
    for _name in _split(_block):
        PLACES.setdefault(_name, _level)

# Lowercase forms for quick membership tests (names.py asks "is this capitalised sequence a place?").
PLACE_KEYS: frozenset[str] = frozenset(n.lower() for n in PLACES)
CITY_NAMES: tuple[str, ...] = tuple(n for n, lvl in PLACES.items() if lvl == CITY)
