import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';

const found = (text: string) => detectAddresses(text).map((span) => text.slice(span.start, span.end));

describe('addresses of round 10', () => {
  it('takes a Peruvian jirón with its district and postcode, a Japanese building floor', () => {
    expect(found('su pedido llegará a Jr. de la Unión 842, Cercado de Lima 15001 el martes.')).toEqual([
      'Jr. de la Unión 842, Cercado de Lima 15001',
    ]);
    expect(found('お届け先：〒150-0041 東京都渋谷区神南1-12-16 アジアビル5F 山本 健一 様')).toEqual([
      '〒150-0041 東京都渋谷区神南1-12-16 アジアビル5F',
    ]);
  });

  it('takes a Taiwanese address with spaces around its numbers, without the words before it', () => {
    expect(found('陳小姐的地址是台北市大安區忠孝東路四段 216 號 5 樓，電話0912-345-678。')).toEqual([
      '台北市大安區忠孝東路四段 216 號 5 樓',
    ]);
  });

  it('takes a Vietnamese số address and an East African road with its house number', () => {
    expect(found('đơn hàng sẽ giao đến số 45 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội.')).toEqual([
      'số 45 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội',
    ]);
    expect(found('to Grace, Kilimani, Argwings Kodhek Road, Hse No. 27, Nairobi')).toContain(
      'Kilimani, Argwings Kodhek Road, Hse No. 27, Nairobi',
    );
  });

  it('leaves numbers in Vietnamese and Chinese prose, and a road named without a house number, alone', () => {
    expect(found('Tôi có số 45 người, không có địa chỉ.')).toEqual([]);
    expect(found('我住在台北，門牌號碼是 216 號')).toEqual([]);
    expect(found('Take Argwings Kodhek Road, then turn left.')).toEqual([]);
  });
});
