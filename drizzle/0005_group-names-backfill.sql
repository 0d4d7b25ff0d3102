-- Groups registered before names were asked in both languages keep their one name in both until an appointer corrects them (/names).
UPDATE `groups` SET `municipality_ru` = `municipality` WHERE `municipality_ru` = '';
