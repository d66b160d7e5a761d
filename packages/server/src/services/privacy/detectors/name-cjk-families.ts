/** Common Chinese family names: a long run of Han after a label starts with one of them and two characters more. */
export const CHINESE_FAMILY = new Set(
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯'.split(
    '',
  ),
);

/** Han ideographs and the iteration mark `々` (`佐々木`). */
export const HAN = '\\u3005\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** A Chinese family name, as a regexp class. */
export const FAMILY_CLASS = `[${[...CHINESE_FAMILY].join('')}]`;
