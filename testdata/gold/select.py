import json,gzip,random,re,sys
alls={}
for l in open('tmp/all-sents.jsonl'):
    d=json.loads(l); alls[d['id']]=d
demo=[json.loads(l)['id'] for l in open('tmp/demo-sents.jsonl')]
arts={}
for l in gzip.open('../shared/data/corpus/wikinews-2019-2020.jsonl.gz'):
    a=json.loads(l); arts[a['id']]=a
bad=re.compile(r'interview|wikinews|discuss|tells|talks (about|to)|campaign trail',re.I)
pol=re.compile(r'president|prime minister|minister|government|governor|court|judge|police|protest|election|primar|caucus|parliament|congress|house of|senat|military|army|attack|bomb|shoot|shot|stab|kill|arrest|jail|sentence|sue|law|ban|sanction|troops|war|emergency|mayor|politic|party|trump|biden|impeach|clemency|legislat|decriminal|authorities|charit|rescue',re.I)
pool=sorted(i for i,d in alls.items() if i not in set(demo) and 5<=d['n']<=50 and not bad.search(arts[i]['title']))
P=[i for i in pool if pol.search(arts[i]['title'])]; O=[i for i in pool if i not in set(P)]
r=random.Random(20261205)
dd=sorted(demo); r.shuffle(dd); r.shuffle(P); r.shuffle(O)
dev=sorted(dd[:20]+P[:6]+O[:6]); test=sorted(P[6:24]+O[6:14])
out=open('tmp/gold-articles.jsonl','w')
for split,ids in (('dev',dev),('test',test)):
    for i in ids:
        a=arts[i]; s=alls[i]
        rec={'id':i,'split':split,'url':a['url'],'title':a['title'],'published':a['published'],'text':a['text'],
             'sentences':[[x['start'],x['end']] for x in s['sentences']]}
        out.write(json.dumps(rec,ensure_ascii=False)+'\n')
def cnt(ids): return sum(alls[i]['n'] for i in ids)
print('dev',len(dev),cnt(dev),'test',len(test),cnt(test))
