/**
 * Pools of invented-name parts for `regional-names.ts`, per country: given names and family names.
 * Each pool lists the most frequent names first (the generator
 * draws with a Zipf-like skew on the position). `_` joins the words of one name ("Abdul_Rahim").
 */

const list = (text: string): string[] =>
  text
    .trim()
    .split(/\s+/)
    .map((word) => word.replaceAll('_', ' '));

export type Region = 'west-africa' | 'north-africa' | 'horn' | 'middle-east' | 'central-asia';

/**
 * How a full name is built. `family`: given names then a family name. `chain`: own name, father's,
 * grandfather's (from the male pool), optionally a family name. `ould`: given name, Ould/Mint,
 * father's name (Mauritania). `slavic`: given name, family name in -ov/-ova, sometimes a patronymic.
 */
export type NameStyle = 'family' | 'chain' | 'ould' | 'slavic';

export interface CountryPool {
  code: string;
  region: Region;
  /** Relative share of the generated people. */
  weight: number;
  style: NameStyle;
  male: string[];
  female: string[];
  family: string[];
  /** The other script some of its people's names are also written in. */
  otherScript?: 'arabic' | 'dari' | 'cyrillic' | 'ethiopic';
  /** Chance of a second given name (Mamadou Saliou, Fatima Zahra). */
  secondGiven?: number;
  /** Honorifics sometimes written before the name. */
  honorifics?: { male: string[]; female: string[] };
}

const WEST_MALE = list(`Mamadou Abdoulaye Moussa Ibrahima Ousmane Amadou Mohamed Cheikh Boubacar Souleymane Aliou Alassane
  Lamine Seydou Bakary Issa Adama Oumar Idrissa Babacar Modou Moustapha Alpha Thierno Sekou Fode Lansana Yacouba Siaka Djibril
  Ismaila Youssouf Saliou Pape Ibrahim`);
const WEST_FEMALE = list(`Aminata Fatoumata Mariama Aissatou Awa Fatou Khady Kadiatou Hawa Oumou Rokia Mariam Salimata Bintou
  Coumba Astou Seynabou Dieynaba Ramatoulaye Aicha Adama Ndeye_Fatou Binta Nafissatou`);
const HAUSA_MALE = list(`Muhammad Abubakar Aliyu Umar Usman Sani Musa Ibrahim Abdullahi Yusuf Bashir Nasir Auwal Kabiru Haruna
  Shehu Lawal Mahamadou Moussa Issoufou Hamidou Abdou Souley Harouna Oumarou Idi`);
const HAUSA_FEMALE = list(`Aisha Amina Hadiza Zainab Fatima Hauwa Maryam Halima Khadija Rakiya Safiya Hafsat Bilkisu Zeinabou
  Mariama Ramatou Aichatou Haoua Fatimata`);

const ARAB_MALE = list(`Mohamed Ahmed Ali Omar Youssef Ibrahim Hassan Hussein Khaled Mahmoud Mustafa Abdullah Karim Said Hamza
  Walid Tarek Nabil Samir Adel Saleh Nasser Yasser Anas Bilal`);
const ARAB_FEMALE = list(`Fatima Khadija Amina Aicha Mariam Zainab Nour Sara Salma Huda Samira Karima Naima Latifa Hanan Amal
  Layla Rana Asma Yasmine Imane Hiba Samar`);

export const COUNTRY_POOLS: CountryPool[] = [
  {
    code: 'SN',
    region: 'west-africa',
    weight: 5,
    style: 'family',
    male: WEST_MALE,
    female: WEST_FEMALE,
    family: list(`Diop Ndiaye Fall Sarr Sall Gueye Faye Diouf Sow Ba Mbaye Seck Thiam Cisse Niang Diallo Kane Dieng Sy Diatta
      Badji Sene Ndour Toure Mboup Ndao Diagne Samb`),
    secondGiven: 0.2,
    honorifics: { male: ['El Hadji', 'Serigne'], female: ['Mame', 'Sokhna'] },
  },
  {
    code: 'ML',
    region: 'west-africa',
    weight: 5,
    style: 'family',
    male: WEST_MALE,
    female: WEST_FEMALE,
    family: list(`Traore Keita Coulibaly Diarra Kone Toure Sidibe Dembele Sangare Maiga Cisse Diakite Sissoko Doumbia Konate
      Camara Sanogo Kante Diallo Ballo Sylla Samake Dicko Tounkara`),
    secondGiven: 0.15,
    honorifics: { male: ['El Hadj'], female: ['Hadja'] },
  },
  {
    code: 'GN',
    region: 'west-africa',
    weight: 5,
    style: 'family',
    male: WEST_MALE,
    female: WEST_FEMALE,
    family: list(`Diallo Barry Bah Camara Sylla Balde Soumah Conde Kourouma Keita Toure Sow Kaba Kamano Bangoura Cisse Fofana
      Kouyate Soumaoro Sano Haba Onivogui`),
    secondGiven: 0.25,
    honorifics: { male: ['El Hadj'], female: ['Hadja'] },
  },
  {
    code: 'NG',
    region: 'west-africa',
    weight: 6,
    style: 'family',
    male: HAUSA_MALE,
    female: HAUSA_FEMALE,
    family: list(`Bello Abubakar Musa Ibrahim Abdullahi Garba Lawal Yusuf Sani Umar Aliyu Danjuma Mohammed Usman Suleiman
      Haruna Shehu Adamu Bala Lawan Modu Kyari Bukar Yakubu`),
    secondGiven: 0.2,
    honorifics: { male: ['Alhaji', 'Mallam'], female: ['Hajiya'] },
  },
  {
    code: 'NE',
    region: 'west-africa',
    weight: 4,
    style: 'family',
    male: HAUSA_MALE,
    female: HAUSA_FEMALE,
    family: list(`Mahamadou Issoufou Moussa Abdou Hamani Maazou Adamou Soumana Garba Issaka Ibrahim Boubacar Souley Hassane
      Seyni Harouna Oumarou Yacouba Amadou Moumouni Saidou Idrissa`),
    secondGiven: 0.1,
    honorifics: { male: ['El Hadj'], female: ['Hadjia'] },
  },
  {
    code: 'MA',
    region: 'north-africa',
    weight: 5,
    style: 'family',
    male: list(`Mohamed Ahmed Youssef Rachid Said Hicham Karim Abdelaziz Mustapha Yassine Mehdi Amine Omar Khalid Hamza Ayoub
      Abdellah Brahim Driss Hassan Nabil Adil Abderrahim Redouane Jamal`),
    female: list(`Fatima Khadija Fatima_Zahra Aicha Zineb Meriem Nadia Samira Naima Hanane Souad Latifa Salma Imane Asmae Houda
      Saida Karima Malika Hafsa`),
    family: list(`Alaoui Bennani El_Idrissi Tazi Benali Berrada El_Amrani Chergui El_Fassi Ouazzani Bouzid Lahmar El_Mansouri
      Benjelloun Zerouali Belhaj Naciri Amrani Lahlou Kettani Skalli Ait_Ahmed`),
    otherScript: 'arabic',
    secondGiven: 0.08,
  },
  {
    code: 'DZ',
    region: 'north-africa',
    weight: 5,
    style: 'family',
    male: list(`Mohamed Ahmed Abdelkader Karim Rachid Said Sofiane Yacine Mourad Mustapha Omar Ali Djamel Farid Nabil Samir
      Hamid Abdelhamid Lyes Walid Bilal Amine Khaled Redha Noureddine`),
    female: list(`Fatima Khadidja Amina Meriem Nadia Samira Karima Saida Naima Yasmina Sihem Houria Lamia Souad Nassima Dalila
      Lynda Sabrina Hayat Nour_El_Houda`),
    family: list(`Haddad Meziane Belkacem Boukhari Hamdani Slimani Bensalem Benaissa Bouzid Boudaoud Cherif Mansouri Benyahia
      Kaci Saadi Ziani Brahimi Touati Amrouche Belaid Hadj_Ali Bouchama`),
    otherScript: 'arabic',
    secondGiven: 0.05,
  },
  {
    code: 'TN',
    region: 'north-africa',
    weight: 4,
    style: 'family',
    male: list(`Mohamed Ahmed Ali Mehdi Karim Sami Anis Walid Mounir Riadh Hatem Nizar Khaled Amine Slim Youssef Bilel Hamza
      Oussama Fathi`),
    female: list(`Fatma Amira Ines Salma Mariem Sonia Rim Olfa Asma Nour Hela Sana Wafa Najet Leila Ons Emna`),
    family: list(`Trabelsi Jendoubi Ben_Youssef Zouari Jaziri Chaouch Ben_Salah Gharbi Mejri Hammami Khemiri Souissi Ben_Amor
      Dridi Ayari Riahi Sassi Masmoudi Chebbi Belhadj Karoui`),
    otherScript: 'arabic',
  },
  {
    code: 'LY',
    region: 'north-africa',
    weight: 3,
    style: 'chain',
    male: ARAB_MALE.concat(list('Abdulsalam Faraj Salem Milad Omran Fathi Abdelhakim')),
    female: ARAB_FEMALE,
    family: list(`Al-Werfalli Zuwawi Al-Zawi Al-Obeidi Al-Misrati Al-Tarhouni Al-Fitouri Ben_Omran Al-Mahmoudi Al-Barassi
      Al-Hasi Ben_Hamid Al-Ghariani Al-Sharif`),
    otherScript: 'arabic',
  },
  {
    code: 'EG',
    region: 'north-africa',
    weight: 6,
    style: 'chain',
    male: list(`Mohamed Ahmed Mahmoud Mostafa Amr Tarek Karim Hany Sherif Hossam Walid Ayman Islam Khaled Ibrahim Yasser
      Hassan Omar Sayed Gamal Magdy Ragab Ashraf Ali Hamdy`),
    female: list(`Fatma Mona Heba Amira Nadia Rania Dina Mariam Aya Nourhan Salma Esraa Shaimaa Hoda Samar Sara Yasmin Doaa`),
    family: list(`Abdel_Aziz Abdel_Meguid Hegazy El_Sayed Mansour Soliman Ragab Fawzy Shawky Hamdy Ibrahim Hassan Farouk Salem
      Khalil Hafez Ezzat Zaki Nasr Abdel_Rahman`),
    otherScript: 'arabic',
  },
  {
    code: 'MR',
    region: 'north-africa',
    weight: 3,
    style: 'ould',
    male: list(`Mohamed Ahmed Sidi Mohamed_Lemine Cheikh Sidi_Mohamed Brahim El_Moctar Yahya Mohamed_Salem Abdallahi Bah
      Mohameden El_Hacen Moulaye Ely Cheikhna Salem Mahmoud Boubacar`),
    female: list(`Mariem Fatimetou Aminetou Khadijetou Vatma Salka Mounina Aicha Zeinebou Lalla Oumou Toutou`),
    family: list(`Cheikh Sidi Ahmed Mohamed Brahim Bah Abdallahi Boubacar Ely Bouh Vall Mahmoud Salem Moctar Taleb Beddi`),
    otherScript: 'arabic',
  },
  {
    code: 'ER',
    region: 'horn',
    weight: 5,
    style: 'chain',
    male: list(`Yonas Dawit Samuel Filmon Amanuel Tesfaldet Tsegay Mehari Habtom Kiros Hagos Tekle Tewolde Gebremedhin
      Tesfay Berhane Yohannes Mebrahtu Zerai Okbay Kahsay Asmerom Abraha Weldu Gebru Kidane Habte Girmay Fisseha Teklay
      Gebrehiwet Ghebremeskel Haile Solomon Henok Merhawi Biniam Robel Efrem Natnael`),
    female: list(`Freweini Selam Elsa Saba Ruta Helen Senait Luwam Yordanos Feven Mebrat Lemlem Tsega Winta Almaz Hiwet
      Azieb Akberet`),
    family: [],
    otherScript: 'ethiopic',
  },
  {
    code: 'ET',
    region: 'horn',
    weight: 6,
    style: 'chain',
    male: list(`Dawit Henok Yonas Abebe Kebede Tadesse Getachew Mulugeta Birhanu Tesfaye Girma Alemu Bekele Desta Lemma Asfaw
      Demissie Mekonnen Worku Negash Eyob Yared Samuel Dereje Solomon Tewodros Biruk Abel Nahom Kaleab Habtamu Gebremariam
      Woldemariam Haile Shiferaw Tamrat Ermias Fikadu Guta Chala`),
    female: list(`Hiwot Meseret Tigist Selamawit Almaz Birtukan Mahlet Bethlehem Meron Rahel Hanna Saba Tsion Liya Eden Aster
      Genet Mekdes Chaltu Ayantu`),
    family: [],
    otherScript: 'ethiopic',
  },
  {
    code: 'SO',
    region: 'horn',
    weight: 5,
    style: 'chain',
    male: list(`Mohamed Abdi Ahmed Hassan Ali Abdirahman Abdullahi Omar Yusuf Ibrahim Hussein Ismail Mahad Abdirashid
      Abdiqani Said Farah Warsame Jama Hirsi Nur Aden Osman Hashi Dahir Mohamud Guled Liban Bashir Abdiwali`),
    female: list(`Halima Fadumo Hodan Ayan Amina Khadra Sahra Hawa Asha Maryan Nasra Sagal Ifrah Deeqa Ubah Hibo`),
    family: [],
    honorifics: { male: ['Sheikh'], female: [] },
  },
  {
    code: 'SD',
    region: 'horn',
    weight: 5,
    style: 'chain',
    male: list(`Mohamed Ahmed Omar Osman Hassan Ibrahim Abdelrahman Mustafa Yousif Elfatih Elsadig Eltayeb Hamid Abdalla
      Khalid Hashim Babiker Elnour Salih Abdelmoneim Kamal Adil Hatim Musa Adam Ishag Yahia Abaker`),
    female: list(`Amna Fatima Mariam Hawa Khadija Safa Marwa Sara Reem Ikhlas Nafisa Asia Hiba Tasneem`),
    family: [],
    otherScript: 'arabic',
  },
  {
    code: 'SY',
    region: 'middle-east',
    weight: 6,
    style: 'chain',
    male: ARAB_MALE.concat(list('Rami Fadi Hussam Ammar Samer Maher Mohannad Wael Firas')),
    female: ARAB_FEMALE.concat(list('Lina Rasha Dima Ghada Rima Rawan')),
    family: list(`Al-Ahmad Al-Hamwi Khatib Haddad Darwish Shaaban Al-Halabi Al-Masri Hamdan Kurdi Al-Homsi Qassab Al-Ali
      Sabbagh Shami Zoubi Bakkour Mansour`),
    otherScript: 'arabic',
  },
  {
    code: 'IQ',
    region: 'middle-east',
    weight: 6,
    style: 'chain',
    male: list(`Ali Hussein Ahmed Mohammed Haider Mustafa Abbas Hassan Omar Khaled Qasim Karrar Sajjad Zaid Yasir Jassim Hamid
      Adnan Saad Mahmoud Abdullah Ibrahim`),
    female: ARAB_FEMALE.concat(list('Zahraa Shahad Amani Ruqaya')),
    family: list(`Al-Jubouri Al-Dulaimi Al-Obeidi Al-Shammari Al-Tamimi Al-Rubaie Al-Azzawi Al-Kubaisi Al-Janabi Al-Zubaidi
      Al-Rawi Al-Saadi Al-Khafaji Al-Bayati Al-Mousawi Al-Ani Al-Hashimi`),
    otherScript: 'arabic',
  },
  {
    code: 'YE',
    region: 'middle-east',
    weight: 4,
    style: 'chain',
    male: list(`Mohammed Ali Abdullah Ahmed Saleh Abdulrahman Nasser Yahya Hamoud Fuad Khaled Abdulkarim Naji Mansour Fadl
      Saeed Hussein Tawfiq`),
    female: ARAB_FEMALE,
    family: list(`Al-Ansi Al-Hamdani Al-Aghbari Bahamish Al-Hakimi Al-Sanabani Al-Qadhi Al-Shami Al-Yafei Al-Maqtari Ba_Wazir
      Al-Kibsi Al-Absi Al-Sharabi`),
    otherScript: 'arabic',
  },
  {
    code: 'AF',
    region: 'central-asia',
    weight: 6,
    style: 'family',
    male: list(`Mohammad Ahmad Abdul_Rahim Abdul_Wahid Abdul_Qadir Gul_Ahmad Gul_Mohammad Habibullah Rahmatullah Hekmatullah
      Zabihullah Ghulam_Haidar Mohammad_Nasim Mohammad_Rafiq Mohammad_Qasim Khalid Jawad Ahmad_Shah Shah_Mahmood Farid Wahid
      Zahir Nazir Ali_Reza Mustafa Hamid Samiullah Sayed`),
    female: list(`Zahra Fatima Maryam Marzia Shabnam Nargis Farzana Parwana Zarghona Mursal Freshta Roya Sima Laila Nilofar
      Mahbooba Shukria Hasina`),
    family: list(`Ahmadzai Noorzai Popal Safi Wardak Hakimi Rahimi Karimi Mohammadi Ahmadi Sharifi Hussaini Rezai Nuristani
      Zazai Mohmand Kakar Achakzai Sultani Amiri Haidari Jalali Qaderi Sadat Barakzai Alokozai Shinwari Mangal Niazi`),
    otherScript: 'dari',
    honorifics: { male: ['Haji'], female: [] },
  },
  {
    code: 'UZ',
    region: 'central-asia',
    weight: 4,
    style: 'slavic',
    male: list(`Sherzod Dilshod Jasur Bakhtiyor Otabek Oybek Farrukh Alisher Aziz Shukhrat Utkir Sardor Bekzod Jamshid
      Ulugbek Akmal Bobur Doniyor Sanjar Javlon Nodir Ravshan Anvar Ikrom Gayrat Kamol Timur`),
    female: list(`Gulnora Dilnoza Shahnoza Nilufar Zarina Madina Malika Nodira Feruza Kamola Dildora Sevara Mohira Gulchehra
      Barno Umida Nigora Sitora Munisa Zulfiya`),
    family: list(`Karimov Rakhimov Yusupov Tursunov Ergashev Abdullaev Akhmedov Khasanov Ismoilov Toshmatov Normatov Juraev
      Qodirov Nazarov Sobirov Umarov Usmonov Alimov Salimov Mirzaev Sultonov Ochilov Kholmatov Saidov Azimov Nurmatov Rasulov
      Musaev Ibragimov`),
    otherScript: 'cyrillic',
  },
  {
    code: 'TJ',
    region: 'central-asia',
    weight: 3,
    style: 'slavic',
    male: list(`Umed Firdavs Sarvar Khurshed Mahmud Abdullo Bahrom Dilshod Farhod Jamshed Faridun Parviz Suhrob Behruz Shodmon
      Nurullo Saidali Ismoil Daler Manuchehr Komron Siyovush`),
    female: list(`Nilufar Zarina Madina Malika Tahmina Firuza Mehrangez Shabnam Gulnora Manizha Nigina Parvina Sitora
      Dilafruz`),
    family: list(`Davlatov Sharipov Mirzoev Kholov Safarov Rahimov Nazarov Saidov Rasulov Karimov Ismoilov Sultonov Qurbonov
      Boboev Odinaev Hamidov Zoirov Sattorov Nurov Latipov Davlatzoda Sharifzoda Karimzoda Nazarzoda Hakimzoda`),
    otherScript: 'cyrillic',
  },
];
